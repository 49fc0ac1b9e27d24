import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import { testPlatform } from '../../support/app-platform';
import { FakeClock } from '../../support/fake-clock';
import { onlyInstance } from '../../support/only-instance';
import { makeJwt } from '../token-lifecycle/fakes/jwt';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T12:00:00Z');
const PAGE = { url: 'ha-tray://app/settings.html#/token', isMainFrame: true };
const tokenIssued = (issuedAt: number, lifespanDays: number) =>
  makeJwt({ iss: 'refresh-1', iat: issuedAt / 1000, exp: (issuedAt + lifespanDays * DAY) / 1000 });

let dir: string;
let shown: string[];
const running: AppServices[] = [];

/** The app on `dir`, as a start of the real app would build it, at the clock's time. */
async function boot(clock: FakeClock): Promise<AppServices> {
  const app = createAppServices(
    testPlatform(dir, {
      clock,
      notifier: { isSupported: () => true, show: (text) => void shown.push(text.title) },
    }),
  );
  running.push(app);
  await app.start();
  return app;
}

async function quit(app: AppServices): Promise<void> {
  running.splice(running.indexOf(app), 1);
  await app.dispose();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-reminder-'));
  shown = [];
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.dispose()));
  rmSync(dir, { recursive: true, force: true });
});

describe('the rotation reminder across restarts of the app', () => {
  it('the day limit and a snooze survive restarts on the same folder', async () => {
    const first = await boot(new FakeClock(T0));
    await onlyInstance(first).vault.save(tokenIssued(T0 - 100 * DAY, 3650));
    expect(onlyInstance(first).tokens.status().reminder.state).toBe('due');
    expect(shown).toEqual(['Time to rotate your Home Assistant token']);
    await quit(first);

    const second = await boot(new FakeClock(T0 + HOUR));
    expect(onlyInstance(second).tokens.status().reminder.state).toBe('due');
    expect(shown).toHaveLength(1);
    expect(
      await second.table.handle(requestChannel('snoozeTokenReminder'), PAGE, [KEY, 'week']),
    ).toMatchObject({ ok: true });
    await quit(second);

    const third = await boot(new FakeClock(T0 + 2 * DAY));
    expect(onlyInstance(third).tokens.status().reminder.state).toBe('snoozed');
    expect(shown).toHaveLength(1);
  });

  it('a reminder held back by a pause comes when the pause ends, not a day later', async () => {
    const clock = new FakeClock(T0);
    const app = await boot(clock);
    const notifications = app.settings.get().notifications;
    app.settings.update({
      notifications: { ...notifications, pausedUntil: new Date(T0 + HOUR).toISOString() },
    });
    await onlyInstance(app).vault.save(tokenIssued(T0 - 100 * DAY, 3650));
    expect(onlyInstance(app).tokens.status().reminder.state).toBe('due');
    expect(shown).toHaveLength(0);
    await clock.advanceAsync(HOUR + 15 * 60_000);
    expect(shown).toEqual(['Time to rotate your Home Assistant token']);
  });

  it('an expired token gets the expiry text', async () => {
    const app = await boot(new FakeClock(T0));
    await onlyInstance(app).vault.save(tokenIssued(T0 - 40 * DAY, 30));
    expect(shown).toEqual(['Your Home Assistant token has expired']);
  });
});
