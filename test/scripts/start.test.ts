import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const projectDir = join(import.meta.dirname, '..', '..');
const electronVersion = (
  JSON.parse(
    readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version: string }
).version;
const work = mkdtempSync(join(tmpdir(), 'ha-tray-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment without anything that would steer Electron's download elsewhere. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(electron_|npm_config_electron|https?_proxy|no_proxy|all_proxy)/i.test(name),
    ),
  );
}

it('npm start is this script', () => {
  const { scripts } = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(scripts.start).toBe('node scripts/start.mjs');
});

it('npm start without a downloadable Electron says so, and what to do, instead of "fetch failed"', async () => {
  const mirror = `http://127.0.0.1:${await freePort()}/`;
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) =>
      execFile(
        process.execPath,
        [join(projectDir, 'scripts', 'start.mjs')],
        {
          cwd: projectDir,
          env: {
            ...cleanEnv(),
            ELECTRON_MIRROR: mirror,
            // An empty folder where the binary would be, and an empty download cache: the
            // installer must download, whatever this machine has installed or cached.
            ELECTRON_OVERRIDE_DIST_PATH: join(work, 'dist'),
            electron_config_cache: join(work, 'cache'),
          },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      ),
  );

  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    `HA Tray cannot start: Electron's binary (Electron ${electronVersion} for ${process.platform}-${process.arch}, downloaded once on the first start) could not be downloaded from the mirror ${mirror} (ELECTRON_MIRROR).`,
  );
  expect(result.stderr).toContain(`can reach ${new URL(mirror).host}, then run npm start again.`);
  expect(result.stderr).toContain('ELECTRON_GET_USE_PROXY=1');
  // The installer's stack trace and its advice to delete node_modules/electron are gone.
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('install-electron');
  // Nothing was built or started.
  expect(result.stdout).toBe(
    `Downloading Electron ${electronVersion} (once, on the first start)…\n`,
  );
});
