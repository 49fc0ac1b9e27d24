// `npm run test:ha [-- --ha 2024|2026] [--build-python] [vitest options]`: installs the chosen
// Home Assistant release when needed (2024.1.6 by default), then runs the real-HA suites against
// it. `--check` only says whether the release can run here: exit 0, or one line why not and exit 1.
// `--build-python` first builds the release's pinned CPython from source when no Python here fits.
// The side-by-side suites run a 2024.1.6 beside it: installed too when it can be (see chooseBeside).
import { spawnSync } from 'node:child_process';
import { findPython } from '../test/real-ha/python';
import { buildPython } from '../test/real-ha/python-source';
import { chooseBeside, releaseFor, type RealHaRelease } from '../test/real-ha/releases';
import { ensureVenv, venvDir, venvReady } from '../test/real-ha/venv';
import { parseTestHaArgs } from '../test/real-ha/test-ha-args';

/** Installs the release's venv unless it is there: ok, or why it cannot be had here. */
function installed(release: RealHaRelease): { ok: true } | { ok: false; reason: string } {
  try {
    ensureVenv(release);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

async function main(): Promise<number> {
  const args = parseTestHaArgs(process.argv.slice(2));
  const release = releaseFor(args.release);

  if (!venvReady(release)) {
    let python = findPython(release);
    if (!python.ok && args.buildPython && release.pythonSource) {
      const missing = python.reason;
      try {
        await buildPython(release.pythonSource, console.log);
        python = findPython(release);
      } catch (err) {
        python = { ok: false, reason: `${missing} (--build-python: ${String(err)})` };
      }
    }
    if (!python.ok) {
      console.log(`Real Home Assistant ${release.version} is not available here: ${python.reason}`);
      return 1;
    }
  }
  if (args.check) return 0;

  const venv = ensureVenv(release);
  console.log(`Real Home Assistant ${release.version} from ${venv}`);
  const beside = chooseBeside(release, installed);
  if (beside.note) console.log(beside.note);
  else if (beside.release !== release)
    console.log(
      `Beside it: Home Assistant ${beside.release.version} from ${venvDir(beside.release)}`,
    );
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--config', 'vitest.ha.config.mts', ...args.vitestArgs],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        HA_TRAY_HA: release.generation,
        HA_TRAY_HA_BESIDE: beside.release.generation,
      },
    },
  );
  console.log(`Ran against Home Assistant ${release.version}.`);
  return result.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
