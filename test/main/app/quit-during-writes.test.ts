import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { systemClock } from '../../../src/main/ha/clock';
import { orderlyQuit } from '../../../src/main/lifecycle/orderly-quit';
import { testPlatform } from '../../support/app-platform';
import { onlyInstance } from '../../support/only-instance';
import { makeJwt } from '../token-lifecycle/fakes/jwt';

const DAY = 86_400_000;
let dir: string;
const running: AppServices[] = [];

async function boot(): Promise<AppServices> {
  const app = createAppServices(testPlatform(dir));
  running.push(app);
  await app.start();
  return app;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-quit-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.dispose()));
  rmSync(dir, { recursive: true, force: true });
});

describe('quitting in the middle of writes', () => {
  it('the quit waits for every pending write; the next start finds them all', async () => {
    const app = await boot();
    const home = onlyInstance(app);
    const token = makeJwt({ iss: 'refresh-1', iat: (Date.now() - 100 * DAY) / 1000 });
    const later = makeJwt({ iss: 'refresh-2', iat: (Date.now() - 100 * DAY) / 1000 });
    await home.vault.save(token);
    // None of these is awaited: the user quits while they are on their way to disk.
    void home.vault.savePending(later);
    void home.vault.setName('HA Tray on laptop');
    home.tokens.snooze('week');
    const quitted = new Promise<void>((resolve) => {
      const onBeforeQuit = orderlyQuit({
        dispose: () => app.dispose(),
        quit: resolve,
        clock: systemClock,
        limitMs: 60_000,
        onError: (error) => {
          throw error;
        },
      });
      onBeforeQuit({ preventDefault: () => undefined });
    });
    await quitted;
    running.splice(0);
    // The instance's files are in its own folder: every folder is looked into.
    expect(
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
        name.endsWith('.tmp'),
      ),
    ).toEqual([]);

    const restarted = onlyInstance(await boot());
    expect(restarted.vault.token()).toBe(token);
    expect(restarted.vault.pendingToken()).toBe(later);
    expect(restarted.vault.metadata().name).toBe('HA Tray on laptop');
    expect(restarted.tokens.status().reminder.state).toBe('snoozed');
  });
});
