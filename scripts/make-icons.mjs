// Regenerates the tray and app icons in assets/ from Home Assistant's own logo glyph (@mdi/js).
// Needs rsvg-convert and ImageMagick's convert (Debian: librsvg2-bin, imagemagick).
// Run: node scripts/make-icons.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    const sizes = [16, 24, 32, 48].map((s) => {
      const f = join(work, `${base}-${s}.png`);
      render(svg(spec, attention), f, s);
      return f;
    });
    execFileSync('convert', [...sizes, join(trayDir, `${base}.ico`)]);
    // Linux and Windows with a dark theme; macOS template images are tinted by the system.
    const dark = { ...spec, color: spec.color === HA_BLUE ? HA_BLUE : DARK_GREY };
    render(svg(dark, attention), join(trayDir, `${base}-dark.png`), 32);
    render(svg(dark, attention), join(trayDir, `${base}-dark@2x.png`), 64);
    const darkSizes = [16, 24, 32, 48].map((s) => {
      const f = join(work, `${base}-dark-${s}.png`);
      render(svg(dark, attention), f, s);
      return f;
    });
    execFileSync('convert', [...darkSizes, join(trayDir, `${base}-dark.ico`)]);
  }
}

render(svg(states.connected, false), join(out, 'icon.png'), 512);
rmSync(work, { recursive: true, force: true });
console.log(`icons written to ${out}`);
