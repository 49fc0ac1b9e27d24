import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for';

/** Alive and not a zombie: in a container nobody may reap an orphan. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

let started: { pid: number; configDir: string } | undefined;

afterAll(() => {
  if (!started) return;
  if (running(started.pid)) process.kill(started.pid, 'SIGKILL');
  rmSync(started.configDir, { recursive: true, force: true });
});

describe('the real Home Assistant harness', () => {
  it('a killed test run does not leave Home Assistant running', async () => {
    const runner = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'start-and-hang.ts')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // A runner that dies before Home Assistant is up (a harness that cannot load) fails here, at once.
    const exited = once(runner, 'exit').then(([code]) => {
      throw new Error(`The runner exited (${String(code)}) before Home Assistant started`);
    });
    const [line] = (await Promise.race([once(runner.stdout!, 'data'), exited])) as [Buffer];
    exited.catch(() => undefined);
    started = JSON.parse(line.toString()) as { pid: number; configDir: string };
    expect(running(started.pid)).toBe(true);

    runner.kill('SIGKILL');
    await waitFor(() => !running(started!.pid), 'Home Assistant to stop by itself', 90_000);
  });
});
