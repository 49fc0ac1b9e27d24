import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from './cache';
import { findPython } from './python';
import { selectedRelease, type RealHaRelease } from './releases';

/** Each release has its own venv: `ha-<version>` in the cache. */
export function venvDir(release: RealHaRelease = selectedRelease()): string {
  return join(cacheRoot(), `ha-${release.version}`);
}

/** The venv's interpreter. Scripts such as bin/hass hold an absolute path; `python -m` survives a move. */
export function venvPython(release: RealHaRelease = selectedRelease()): string {
  return join(venvDir(release), 'bin', 'python');
}

const marker = (release: RealHaRelease) => join(venvDir(release), 'ha-tray-installed.json');
const wanted = (release: RealHaRelease) =>
  JSON.stringify({
    homeassistant: release.version,
    requirements: release.integrationRequirements,
    constraints: release.constraintsFile ? readFileSync(release.constraintsFile, 'utf8') : null,
  });

/** Whether the release's venv is already built as pinned: then no Python is needed to run it. */
export function venvReady(release: RealHaRelease = selectedRelease()): boolean {
  return existsSync(marker(release)) && readFileSync(marker(release), 'utf8') === wanted(release);
}

const pip = (python: string, args: string[]) =>
  execFileSync(python, ['-m', 'pip', ...args, '--disable-pip-version-check', '--no-input'], {
    stdio: 'inherit',
  });

/**
 * The release's wheel, fetched without installing anything, and its own
 * `homeassistant/package_constraints.txt` (exact pins of its core packages) read out of it.
 */
function wheelAndConstraints(
  python: string,
  release: RealHaRelease,
  dir: string,
): { wheel: string; constraints: string } {
  const wheels = join(dir, 'wheel');
  pip(python, ['download', '-q', '--no-deps', '-d', wheels, `homeassistant==${release.version}`]);
  const wheel = join(
    wheels,
    readdirSync(wheels).find((f) => f.endsWith('.whl'))!,
  );
  const constraints = join(dir, 'package_constraints.txt');
  execFileSync(python, [
    '-c',
    'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("homeassistant/package_constraints.txt"))',
    wheel,
    constraints,
  ]);
  return { wheel, constraints };
}

/**
 * Creates the release's virtual environment outside the repository, or reuses it when the marker
 * says it holds exactly the pinned versions: a second run needs no network. A half-built venv is
 * built in a temporary folder and only moved into place when complete. Every package comes from
 * one pip call under one set of constraints.
 */
export function ensureVenv(
  release: RealHaRelease = selectedRelease(),
  log: (line: string) => void = console.log,
): string {
  if (venvReady(release)) return venvDir(release);
  const choice = findPython(release);
  if (!choice.ok) throw new Error(choice.reason);
  const building = `${venvDir(release)}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(cacheRoot(), { recursive: true });
  log(
    `Installing Home Assistant ${release.version} with ${choice.python} into ${venvDir(release)} (once; later runs reuse it)…`,
  );
  execFileSync(choice.python, ['-m', 'venv', building], { stdio: 'inherit' });
  const python = join(building, 'bin', 'python');
  const { wheel, constraints } = release.constraintsFile
    ? { wheel: `homeassistant==${release.version}`, constraints: release.constraintsFile }
    : wheelAndConstraints(python, release, building);
  pip(python, ['install', '-q', '-c', constraints, wheel, ...release.integrationRequirements]);
  rmSync(join(building, 'wheel'), { recursive: true, force: true });
  rmSync(venvDir(release), { recursive: true, force: true });
  renameSync(building, venvDir(release));
  writeFileSync(marker(release), wanted(release));
  return venvDir(release);
}
