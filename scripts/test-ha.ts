// `npm run test:ha [-- --ha 2024|2026] [vitest options]`: installs the chosen Home Assistant
// release when needed (2024.1.6 by default), then runs the real-HA suites against it.
// `--check` only says whether the release can run here: exit 0, or one line why not and exit 1.
import { spawnSync } from 'node:child_process';
import { findPython } from '../test/real-ha/python';
import { releaseFor } from '../test/real-ha/releases';
import { ensureVenv, venvReady } from '../test/real-ha/venv';
import { parseTestHaArgs } from '../test/real-ha/test-ha-args';

const { release: name, check, vitestArgs } = parseTestHaArgs(process.argv.slice(2));
const release = releaseFor(name);

if (check) {
  const python = venvReady(release) ? null : findPython(release);
  if (python && !python.ok) {
    console.log(`Real Home Assistant ${release.version} is not available here: ${python.reason}`);
    process.exit(1);
  }
  process.exit(0);
}

const venv = ensureVenv(release);
console.log(`Real Home Assistant ${release.version} from ${venv}`);
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.ha.config.mts', ...vitestArgs],
  { stdio: 'inherit', env: { ...process.env, HA_TRAY_HA: release.generation } },
);
console.log(`Ran against Home Assistant ${release.version}.`);
process.exit(result.status ?? 1);
