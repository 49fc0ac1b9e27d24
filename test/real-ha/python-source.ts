import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cacheRoot } from './cache';
import type { PythonSource } from './releases';

/** Written last: a prefix without it is a build that stopped half way, and is built again. */
const COMPLETE = 'ha-tray-built';

/** What Home Assistant and pip need from the standard library; each is missing when its headers were. */
const NEEDED_MODULES = ['ssl', 'sqlite3', 'ctypes', 'lzma', 'bz2', 'zlib'];
const DEBIAN_BUILD_DEPS =
  'gcc make libssl-dev libffi-dev zlib1g-dev libsqlite3-dev libbz2-dev liblzma-dev';

/** The interpreter a build of `source` leaves in the cache: `python-3.13.5/bin/python3.13`. */
export function builtPython(source: PythonSource, root = cacheRoot()): string {
  const [major, minor] = source.version;
  return join(root, `python-${source.version.join('.')}`, 'bin', `python${major}.${minor}`);
}

const prefixOf = (python: string) => dirname(dirname(python));

/**
 * The built interpreter, only once its build finished: `make install` leaves a `python3.13` that
 * runs even where the module check then failed (no ssl without libssl-dev), and a venv on it
 * would fail later and less clearly.
 */
export function finishedBuild(source: PythonSource, root = cacheRoot()): string | null {
  const python = builtPython(source, root);
  return existsSync(join(prefixOf(python), COMPLETE)) ? python : null;
}

/** The tarball, refused before anything is unpacked unless it is exactly the pinned one. */
export async function fetchVerified(
  source: PythonSource,
  fetchImpl: typeof fetch = fetch,
): Promise<Buffer> {
  const response = await fetchImpl(source.url);
  if (!response.ok) throw new Error(`downloading ${source.url} answered HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const digest = createHash('sha256').update(body).digest('hex');
  if (digest !== source.sha256)
    throw new Error(`${source.url} is not the pinned tarball (SHA-256 ${digest})`);
  return body;
}

/**
 * Builds CPython from `source` into the cache once (about four minutes on two cores) and returns
 * its interpreter; later calls return at once. For machines whose own Python is too old for a
 * release (Debian 12 has 3.11, Home Assistant 2026.2 needs 3.13.2).
 */
export async function buildPython(
  source: PythonSource,
  log: (line: string) => void,
  root = cacheRoot(),
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const finished = finishedBuild(source, root);
  if (finished) return finished;
  const python = builtPython(source, root);
  const prefix = prefixOf(python);
  const version = source.version.join('.');
  rmSync(prefix, { recursive: true, force: true });
  log(`Building Python ${version} from ${source.url} into ${prefix} (once; a few minutes)…`);
  const tarball = await fetchVerified(source, fetchImpl);
  const work = mkdtempSync(join(tmpdir(), 'ha-tray-python-'));
  writeFileSync(join(work, 'python.tar.xz'), tarball);
  const logFile = join(work, 'build.log');
  const out = openSync(logFile, 'a');
  const run = (cwd: string, command: string, args: string[]) =>
    execFileSync(command, args, { cwd, stdio: ['ignore', out, out] });
  try {
    run(work, 'tar', ['-xJf', 'python.tar.xz']);
    const tree = join(
      work,
      readdirSync(work).find((name) => name.startsWith('Python-'))!,
    );
    // ensurepip stays in the library (venv needs it); it is only not run at install.
    run(tree, './configure', [`--prefix=${prefix}`, '--without-ensurepip']);
    run(tree, 'make', [`-j${availableParallelism()}`]);
    run(tree, 'make', ['install']);
    run(work, python, ['-c', `import ${NEEDED_MODULES.join(', ')}`]);
  } catch {
    // Only the log stays, for the reason: the tree and the tarball are hundreds of MB.
    for (const name of readdirSync(work))
      if (name !== 'build.log') rmSync(join(work, name), { recursive: true, force: true });
    throw new Error(
      `building Python ${version} failed (the log: ${logFile}); on Debian it needs ` +
        `apt-get install ${DEBIAN_BUILD_DEPS}`,
    );
  } finally {
    closeSync(out);
  }
  writeFileSync(join(prefix, COMPLETE), version);
  rmSync(work, { recursive: true, force: true });
  return python;
}
