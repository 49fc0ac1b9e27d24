// `npm run test:ha`: installs Home Assistant when needed, then runs the real-HA suites.
import { spawnSync } from 'node:child_process';
import { ensureVenv, HA_VERSION } from '../test/real-ha/venv';

const venv = ensureVenv();
console.log(`Real Home Assistant ${HA_VERSION} from ${venv}`);
const args = ['vitest', 'run', '--config', 'vitest.ha.config.mts', ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit' });
console.log(`Ran against Home Assistant ${HA_VERSION}.`);
process.exit(result.status ?? 1);
