// `npm run ha:up [-- --ha 2026]` starts a real Home Assistant (2024.1.6 by default) with the test
// home and prints its URL and token; it stays in the foreground until Ctrl+C (or `npm run ha:down`
// from another terminal).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RealHa } from '../test/real-ha/harness';
import { releaseFor } from '../test/real-ha/releases';
import { parseTestHaArgs } from '../test/real-ha/test-ha-args';
import { cacheRoot } from '../test/real-ha/cache';

const stateFile = join(cacheRoot(), 'ha-up.json');

async function up(release: string): Promise<void> {
  const ha = await RealHa.start({ log: console.log, release: releaseFor(release) });
  mkdirSync(cacheRoot(), { recursive: true });
  writeFileSync(stateFile, JSON.stringify({ pid: process.pid }));
  console.log(`Home Assistant ${ha.version} is running.`);
  console.log(`URL:   ${ha.url}`);
  console.log(`Token: ${ha.token}`);
  console.log('Press Ctrl+C (or run npm run ha:down) to stop it.');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping Home Assistant…');
    void ha.destroy().then(() => {
      rmSync(stateFile, { force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function down(): void {
  if (!existsSync(stateFile)) {
    console.log('No Home Assistant started by npm run ha:up is running.');
    return;
  }
  const { pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
  try {
    process.kill(pid, 'SIGTERM');
    console.log('Asked Home Assistant to stop.');
  } catch {
    rmSync(stateFile, { force: true });
    console.log('It had already stopped.');
  }
}

const command = process.argv[2];
if (command === 'up') void up(parseTestHaArgs(process.argv.slice(3)).release);
else if (command === 'down') down();
else {
  console.error('usage: tsx scripts/ha.ts up|down');
  process.exit(2);
}
