// Regenerates docs/screenshots/ from the end-to-end journeys (real Chromium, simulator).
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['vitest', 'run', '--project', 'e2e'], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_SCREENSHOTS: '1' },
});
process.exit(result.status ?? 1);
