// Regenerates every icon in assets/ from one source, Home Assistant's logo glyph (@mdi/js): the
// tray icons (PNG for Linux, template images for macOS, .ico for Windows) and the app icons
// electron-builder uses (icons/NxN.png for Linux, icon.icns for macOS, icon.ico for Windows).
// Needs rsvg-convert (Debian: librsvg2-bin). Run: node scripts/make-icons.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mdiHomeAssistant } from '@mdi/js';

const out = join(import.meta.dirname, '..', 'assets');
const trayDir = join(out, 'tray');
mkdirSync(trayDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'ha-tray-icons-'));

const HA_BLUE = '#18bcf2';
const states = {
  connected: { color: HA_BLUE, opacity: 1, badge: null },
  connecting: { color: '#9e9e9e', opacity: 0.55, badge: null },
  disconnected: { color: '#9e9e9e', opacity: 1, badge: null },
  error: { color: '#9e9e9e', opacity: 1, badge: '#e53935' },
};
const ATTENTION = '#ff9800';
// Dark panels and taskbars (the system theme is dark): the grey states in a lighter shade.
const DARK_GREY = '#e0e0e0';

function svg({ color, opacity, badge }, attention) {
  // Badges sit in the glyph's empty corners. The exclamation mark is cut out of the error badge
  // with a mask, so it still shows in a macOS template image, where only alpha counts.
  const error = badge
    ? '<mask id="bang"><rect width="24" height="24" fill="white"/>' +
      '<rect x="18.25" y="15.4" width="1.5" height="4" fill="black"/>' +
      '<circle cx="19" cy="21.3" r="0.85" fill="black"/></mask>' +
      `<circle cx="19" cy="19" r="5" fill="${color === 'black' ? 'black' : badge}" mask="url(#bang)"/>`
    : '';
  const dot = attention
    ? `<circle cx="19.5" cy="4.5" r="4.5" fill="${color === 'black' ? 'black' : ATTENTION}"/>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
<path d="${mdiHomeAssistant}" fill="${color}" fill-opacity="${opacity}"/>${error}${dot}</svg>`;
}

function render(svgText, file, size) {
  const src = join(work, 'icon.svg');
  writeFileSync(src, svgText);
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', file, src]);
}

/** PNG bytes of the icon at one size. */
function png(svgText, size) {
  const file = join(work, `${size}.png`);
  render(svgText, file, size);
  return readFileSync(file);
}

/** A Windows .ico holding PNG images (Windows Vista and later read those). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    // A size byte of 0 means 256.
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map(({ data }) => data)]);
}

/** The PNG-based .icns types macOS reads, and their pixel sizes (ic11-ic14 are the @2x ones). */
const ICNS_TYPES = {
  ic11: 32,
  ic12: 64,
  ic07: 128,
  ic13: 256,
  ic08: 256,
  ic14: 512,
  ic09: 512,
  ic10: 1024,
};

function icns(svgText) {
  const chunks = Object.entries(ICNS_TYPES).map(([type, size]) => {
    const data = png(svgText, size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

for (const [name, spec] of Object.entries(states)) {
  for (const attention of [false, true]) {
    const base = `${name}${attention ? '-attention' : ''}`;
    // Linux and Windows: coloured; 32 px is what most panels ask for, @2x for HiDPI.
    render(svg(spec, attention), join(trayDir, `${base}.png`), 32);
    render(svg(spec, attention), join(trayDir, `${base}@2x.png`), 64);
    // macOS: template images are black with alpha; the menu bar tints them.
    const template = { ...spec, color: 'black' };
    render(svg(template, attention), join(trayDir, `${base}Template.png`), 16);
    render(svg(template, attention), join(trayDir, `${base}Template@2x.png`), 32);
    // Windows: one .ico with the sizes the notification area uses.
    const sizes = [16, 24, 32, 48].map((size) => ({ size, data: png(svg(spec, attention), size) }));
    writeFileSync(join(trayDir, `${base}.ico`), ico(sizes));
    // Linux and Windows with a dark theme; macOS template images are tinted by the system.
    const dark = { ...spec, color: spec.color === HA_BLUE ? HA_BLUE : DARK_GREY };
    render(svg(dark, attention), join(trayDir, `${base}-dark.png`), 32);
    render(svg(dark, attention), join(trayDir, `${base}-dark@2x.png`), 64);
    const darkSizes = [16, 24, 32, 48].map((size) => ({
      size,
      data: png(svg(dark, attention), size),
    }));
    writeFileSync(join(trayDir, `${base}-dark.ico`), ico(darkSizes));
  }
}

// The app icon, for every installer electron-builder makes.
const appIcon = svg(states.connected, false);
render(appIcon, join(out, 'icon.png'), 512);
const linuxDir = join(out, 'icons');
mkdirSync(linuxDir, { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
  render(appIcon, join(linuxDir, `${size}x${size}.png`), size);
const windowsSizes = [16, 24, 32, 48, 64, 128, 256];
writeFileSync(
  join(out, 'icon.ico'),
  ico(windowsSizes.map((size) => ({ size, data: png(appIcon, size) }))),
);
writeFileSync(join(out, 'icon.icns'), icns(appIcon));
rmSync(work, { recursive: true, force: true });
console.log(`icons written to ${out}`);
