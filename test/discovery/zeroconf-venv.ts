import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from '../real-ha/cache';

/**
 * python-zeroconf, the library Home Assistant announces itself with (its components/zeroconf), at
 * the version Home Assistant 2026.2.3 pins, with its one dependency at that release's pin. The
 * namespace test's responder runs on it.
 */
export const ZEROCONF_REQUIREMENTS = ['zeroconf==0.148.0', 'ifaddr==0.2.0'] as const;

const venvDir = () => join(cacheRoot(), 'zeroconf-0.148.0');
const marker = () => join(venvDir(), 'ha-tray-installed.json');
const wanted = JSON.stringify({ requirements: ZEROCONF_REQUIREMENTS });

/** The venv's interpreter. */
export function zeroconfPython(): string {
  return join(venvDir(), 'bin', 'python');
}

/**
 * Builds the venv once, outside the repository, next to the real-HA venvs (`npm run test:ha`):
 * later runs reuse it and need no network. Any Python 3.9 or newer will do (HA_TRAY_PYTHON, else
 * python3 on PATH; Debian needs its python3-venv package). A half-built venv is built aside and
 * moved into place only when complete.
 */
export function ensureZeroconfVenv(log: (line: string) => void = console.log): string {
  if (existsSync(marker()) && readFileSync(marker(), 'utf8') === wanted) return zeroconfPython();
  const python = process.env.HA_TRAY_PYTHON ?? 'python3';
  const building = `${venvDir()}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(cacheRoot(), { recursive: true });
  log(`Installing ${ZEROCONF_REQUIREMENTS.join(' ')} with ${python} into ${venvDir()} (once)…`);
  execFileSync(python, ['-m', 'venv', building], { stdio: 'inherit' });
  execFileSync(
    join(building, 'bin', 'python'),
    [
      '-m',
      'pip',
      'install',
      '-q',
      '--disable-pip-version-check',
      '--no-input',
      ...ZEROCONF_REQUIREMENTS,
    ],
    { stdio: 'inherit' },
  );
  rmSync(venvDir(), { recursive: true, force: true });
  renameSync(building, venvDir());
  writeFileSync(marker(), wanted);
  return zeroconfPython();
}
