import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The newest Home Assistant release that installs on Python 3.11. */
export const HA_VERSION = '2024.1.6';

/**
 * Requirements of the integrations the test home loads (read off their manifests), installed
 * up front so that Home Assistant can run with --skip-pip and never reaches for the network.
 */
export const INTEGRATION_REQUIREMENTS = [
  'aiohttp-fast-url-dispatcher==0.3.0',
  'aiohttp-zlib-ng==0.1.3',
  'aiohttp_cors==0.7.0',
  'Pillow==10.1.0',
  'SQLAlchemy==2.0.23',
  'fnv-hash-fast==0.5.0',
  'psutil-home-assistant==0.0.1',
];

export function cacheRoot(): string {
  return (
    process.env.HA_TRAY_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ha-tray')
  );
}

export function venvDir(): string {
  return join(cacheRoot(), `ha-${HA_VERSION}`);
}

/** The venv's interpreter. Scripts such as bin/hass hold an absolute path; `python -m` survives a move. */
export function venvPython(): string {
  return join(venvDir(), 'bin', 'python');
}

/** Every package pinned (see the file's header): the same venv on every machine. */
const constraintsFile = join(import.meta.dirname, 'constraints.txt');

const marker = () => join(venvDir(), 'ha-tray-installed.json');
const wanted = () =>
  JSON.stringify({
    homeassistant: HA_VERSION,
    requirements: INTEGRATION_REQUIREMENTS,
    constraints: readFileSync(constraintsFile, 'utf8'),
  });

/** Home Assistant 2024.1 runs on Python 3.11 and 3.12 only; say so before pip fails obscurely. */
function checkPython(python: string): void {
  const version = execFileSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'])
    .toString()
    .trim();
  if (version !== '3.11' && version !== '3.12')
    throw new Error(
      `Home Assistant ${HA_VERSION} needs Python 3.11 or 3.12, but ${python} is ${version}. ` +
        'Point HA_TRAY_PYTHON at a suitable interpreter.',
    );
}

/**
 * Creates the virtual environment outside the repository, or reuses it when the marker says it
 * holds exactly the pinned versions: a second run needs no network. A half-built venv is built
 * in a temporary folder and only moved into place when complete.
 */
export function ensureVenv(log: (line: string) => void = console.log): string {
  if (existsSync(marker()) && readFileSync(marker(), 'utf8') === wanted()) return venvDir();
  const python = process.env.HA_TRAY_PYTHON ?? 'python3';
  checkPython(python);
  const building = `${venvDir()}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(cacheRoot(), { recursive: true });
  log(`Installing Home Assistant ${HA_VERSION} into ${venvDir()} (once; later runs reuse it)…`);
  execFileSync(python, ['-m', 'venv', building], { stdio: 'inherit' });
  execFileSync(
    join(building, 'bin', 'python'),
    [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-input',
      '-q',
      '-c',
      constraintsFile,
      `homeassistant==${HA_VERSION}`,
      ...INTEGRATION_REQUIREMENTS,
    ],
    { stdio: 'inherit' },
  );
  rmSync(venvDir(), { recursive: true, force: true });
  renameSync(building, venvDir());
  writeFileSync(marker(), wanted());
  return venvDir();
}
