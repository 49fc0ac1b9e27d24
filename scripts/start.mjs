// npm start: makes sure Electron's binary is there, builds the app with electron-vite and starts
// it. The electron package downloads its binary the first time it starts (its install.js, with
// @electron/get); where that download fails it prints only "TypeError: fetch failed" and advice
// to delete node_modules/electron. This script runs the same installer first and turns a failure
// into a sentence that says what happened and what to do.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = require('electron/package.json');
const projectDir = join(import.meta.dirname, '..');

/** What the installer would find: the binary of this version (its own check decides; this only picks the message). */
function binaryPresent() {
  try {
    const executable = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    const installed = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').replace(/^v/, '');
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
    return installed === version && existsSync(join(dist, executable));
  } catch {
    return false;
  }
}

/** Where @electron/get downloads from: the mirror the user set, or Electron's GitHub releases. */
function downloadSource() {
  const mirror = process.env.ELECTRON_MIRROR ?? process.env.npm_config_electron_mirror;
  if (!mirror) return { name: "Electron's releases on GitHub", host: 'github.com' };
  let host = mirror;
  try {
    host = new URL(mirror).host;
  } catch {
    // Not a URL: name it as it was set.
  }
  return { name: `the mirror ${mirror} (ELECTRON_MIRROR)`, host };
}

function downloadFailure(installerOutput) {
  const source = downloadSource();
  const reason = installerOutput
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '));
  return [
    `HA Tray cannot start: Electron's binary (Electron ${version} for ${process.platform}-${process.arch}, downloaded once on the first start) could not be downloaded from ${source.name}.`,
    reason ? `The download failed with: ${reason}` : null,
    'What to do:',
    `  - Check that this computer is online and can reach ${source.host}, then run npm start again.`,
    '  - Behind a proxy: set HTTPS_PROXY (and NO_PROXY if needed) and ELECTRON_GET_USE_PROXY=1.',
    '  - From a mirror: set ELECTRON_MIRROR to its address (the download is still checked against',
    "    the checksums in Electron's npm package).",
  ]
    .filter((line) => line !== null)
    .join('\n');
}

if (!binaryPresent()) console.log(`Downloading Electron ${version} (once, on the first start)…`);
const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
});
if (install.status !== 0) {
  console.error(downloadFailure(`${install.stderr ?? ''}${install.error?.message ?? ''}`));
  process.exit(1);
}

// Both through this Node (no shell): node_modules/.bin holds .cmd files on Windows.
const nodeScript = (path, args) =>
  spawnSync(process.execPath, [path, ...args], { cwd: projectDir, stdio: 'inherit' }).status ?? 1;
const viteDir = dirname(require.resolve('electron-vite/package.json'));
const built = nodeScript(
  join(viteDir, require('electron-vite/package.json').bin['electron-vite']),
  ['build'],
);
if (built !== 0) process.exit(built);
process.exit(nodeScript(join(electronDir, 'cli.js'), ['.']));
