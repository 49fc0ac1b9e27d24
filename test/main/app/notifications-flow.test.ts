import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { DesktopNotification } from '../../../src/main/notify/notifier';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { NotificationRule } from '../../../src/shared/notification-rules';
import { testPlatform } from '../../support/app-platform';
import { onlyInstance } from '../../support/only-instance';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { waitFor } from '../../support/wait-for';
import { fastRetry } from '../../support/fast-retry';
import { nextSnapshot, snapshotIn } from '../../support/supervised-store';

const PAGE = { url: 'ha-tray://app/settings.html#/notifications', isMainFrame: true };
let sim: HaSimulator;
let dir: string;
let app: AppServices;
let shown: DesktopNotification[];
let clicks: Array<() => void>;
const opened: string[] = [];

async function ask<T>(name: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
}

const garageRule: NotificationRule = {
  id: 'garage',
  entityId: 'cover.garage_door',
  enabled: true,
  kind: 'becomes',
  states: ['open'],
  cooldownSeconds: 0,
};

/**
 * A rule on another entity, flipped to prove that every earlier event was handled: the socket
 * delivers in order and the rules run as each change arrives, so once the sentinel's notification
 * is shown, any notification the earlier changes would cause has been shown too.
 */
const SENTINEL = 'input_boolean.guest_mode';
const sentinelRule: NotificationRule = {
  id: 'sentinel',
  entityId: SENTINEL,
  enabled: true,
  kind: 'becomes',
  states: ['on', 'off'],
  cooldownSeconds: 0,
};

/** Waits until every change sent before it was handled, then forgets the sentinel's notification. */
async function everyEarlierChangeHandled(): Promise<void> {
  const before = shown.length;
  const current = sim.getState(SENTINEL)!;
  sim.setState(SENTINEL, current.state === 'on' ? 'off' : 'on', current.attributes);
  await waitFor(() => shown.length > before, 'the sentinel notification');
  const sentinel = shown.splice(before).filter((n) => !n.title.startsWith('Guest mode'));
  shown.push(...sentinel);
}

beforeEach(async () => {
  sim = await startSimulator();
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-notify-'));
  shown = [];
  clicks = [];
  app = createAppServices(
    testPlatform(dir, {
      shell: { openExternal: async (url) => void opened.push(url) },
      notifier: {
        isSupported: () => true,
        show: (n, onClick) => void (shown.push(n), clicks.push(onClick ?? (() => undefined))),
      },
    }),
    { connection: { retry: fastRetry(10, 40) } },
  );
  await app.start();
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  const home = onlyInstance(app);
  await home.vault.save(sim.token);
  home.settings.setOrigin(instance.value.origin);
  home.setup.connectIfReady();
  await snapshotIn(home.entities);
  expect(await ask('updateInstance', KEY, { rules: [garageRule, sentinelRule] })).toMatchObject({
    ok: true,
  });
});
afterEach(async () => {
  await app.dispose();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('notifications against the simulator', () => {
  it('a service call that opens the garage produces exactly one notification with the right text; its click opens the history', async () => {
    const res = await fetch(`${sim.url}/api/services/cover/open_cover`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sim.token}` },
      body: JSON.stringify({ entity_id: 'cover.garage_door' }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => shown.length > 0, 'a notification');
    await everyEarlierChangeHandled();
    expect(shown).toEqual([
      { title: 'Garage door opened', body: expect.stringContaining('Previously closed') },
    ]);
    clicks[0]!();
    expect(opened).toEqual([`${sim.url}/history?entity_id=cover.garage_door`]);
  });

  it('reconnects with unchanged states notify nothing; a change during an outage is reported once, as such', async () => {
    for (let i = 0; i < 5; i++) {
      // The store keeps its entities while away: the new connection's own snapshot is awaited.
      const snapshot = nextSnapshot(onlyInstance(app).entities);
      await sim.restart({ downMs: 1 });
      await snapshot;
    }
    await everyEarlierChangeHandled();
    expect(shown).toEqual([]);

    await sim.stop();
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state !== 'connected',
      'disconnected',
    );
    sim.setState('cover.garage_door', 'open', sim.getState('cover.garage_door')!.attributes);
    await sim.start();
    await waitFor(() => shown.length > 0, 'the outage change');
    await sim.restart({ downMs: 1 });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'reconnected again',
    );
    await everyEarlierChangeHandled();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.body).toContain('while HA Tray was disconnected');
  });

  it('previews a rule and sends a test notification; refuses a broken rule', async () => {
    expect(await ask('previewNotification', KEY, garageRule)).toEqual({
      ok: true,
      value: { title: 'Garage door opened', body: expect.any(String) },
    });
    expect(await ask('sendTestNotification', KEY, garageRule)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(shown.at(-1)).toMatchObject({ title: 'Garage door opened' });
    expect(await ask('previewNotification', KEY, { ...garageRule, states: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(
      await ask('previewNotification', KEY, { ...garageRule, entityId: 'cover.gone' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not in Home Assistant') },
    });
  });
});
