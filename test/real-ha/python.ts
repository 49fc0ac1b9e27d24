import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { cacheRoot } from './cache';
import { finishedBuild } from './python-source';
import type { PythonVersion, RealHaRelease } from './releases';

/** An interpreter we looked at, and its version (null: it would not run). */
export interface PythonProbe {
  path: string;
  version: PythonVersion | null;
}

export type PythonChoice = { ok: true; python: string } | { ok: false; reason: string };

/** "3.13.0", "Python 3.13.0" or "3.13.0+" -> [3, 13, 0]. */
export function parsePythonVersion(text: string): PythonVersion | null {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const compare = (a: PythonVersion, b: PythonVersion) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

export const formatVersion = (v: PythonVersion) => v.join('.');

export function fits(version: PythonVersion, release: RealHaRelease): boolean {
  return compare(version, release.python.min) >= 0 && compare(version, release.python.below) < 0;
}

/**
 * The interpreters to try, best first: HA_TRAY_PYTHON alone when set (the user chose), else the
 * release's names on PATH, then pyenv's versions, newest first, then the one `--build-python` built.
 */
export function pythonCandidates(
  release: RealHaRelease,
  env: NodeJS.ProcessEnv,
  pyenvVersions: readonly string[],
  pyenvRoot: string,
  built: string | null = null,
): string[] {
  if (env.HA_TRAY_PYTHON) return [env.HA_TRAY_PYTHON];
  const pyenv = [...pyenvVersions]
    .filter((v) => parsePythonVersion(v) !== null && /^\d+\.\d+\.\d+$/.test(v))
    .sort((a, b) => compare(parsePythonVersion(b)!, parsePythonVersion(a)!))
    .map((v) => join(pyenvRoot, 'versions', v, 'bin', 'python3'));
  return [...release.pythonNames, ...pyenv, ...(built ? [built] : [])];
}

/**
 * What Debian ships, for the reason a suitable Python is missing. The headers and a compiler too:
 * 2026.2.3 pins lru-dict 1.3.0, which has no wheel for Python 3.13, so pip builds it.
 */
export function debianHint(debianVersion: string | null): string {
  const major = debianVersion && /^(\d+)/.exec(debianVersion.trim())?.[1];
  if (!major) return '';
  if (Number(major) >= 13)
    return ` Debian ${major}: apt-get install python3.13 python3.13-venv python3.13-dev gcc.`;
  return ` Debian ${major} ships no Python 3.13 (Debian 13 does).`;
}

/**
 * The first probe whose version fits the release, or one line that says why none does: the
 * newest version found, and what would help.
 */
export function choosePython(
  release: RealHaRelease,
  probes: readonly PythonProbe[],
  debianVersion: string | null,
): PythonChoice {
  const chosen = probes.find((p) => p.version && fits(p.version, release));
  if (chosen) return { ok: true, python: chosen.path };
  const newest = probes
    .filter((p): p is PythonProbe & { version: PythonVersion } => p.version !== null)
    .sort((a, b) => compare(b.version, a.version))[0];
  const range = `Python >= ${formatVersion(release.python.min)} and < ${formatVersion(release.python.below)}`;
  return {
    ok: false,
    reason:
      `Home Assistant ${release.version} needs ${range}; ` +
      (newest
        ? `the newest found is ${formatVersion(newest.version)} (${newest.path}).`
        : 'found no Python at all.') +
      debianHint(debianVersion) +
      ' HA_TRAY_PYTHON may name one' +
      (release.pythonSource
        ? `, or --build-python builds Python ${formatVersion(release.pythonSource.version)} from its source.`
        : '.'),
  };
}

function probe(path: string): PythonProbe {
  try {
    const out = execFileSync(path, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { path, version: parsePythonVersion(out.toString()) };
  } catch {
    return { path, version: null };
  }
}

/** Looks on this machine (PATH, pyenv, HA_TRAY_PYTHON) for a Python the release installs on. */
export function findPython(release: RealHaRelease, env = process.env): PythonChoice {
  const pyenvRoot = env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const versionsDir = join(pyenvRoot, 'versions');
  const pyenvVersions = existsSync(versionsDir) ? readdirSync(versionsDir) : [];
  const debian = existsSync('/etc/debian_version')
    ? readFileSync('/etc/debian_version', 'utf8')
    : null;
  const built = release.pythonSource ? finishedBuild(release.pythonSource, cacheRoot(env)) : null;
  const probes = pythonCandidates(release, env, pyenvVersions, pyenvRoot, built).map(probe);
  return choosePython(release, probes, debian);
}
