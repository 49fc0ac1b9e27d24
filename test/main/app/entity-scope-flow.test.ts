import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app-services';
import type { DesktopNotification } from '../../../src/main/notify/notifier';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { NotificationRule } from '../../../src/shared/notification-rules';
import { HA_GENERATIONS, HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { appForSimulator } from '../../support/connected-app';
import { onlyInstance } from '../../support/only-instance';
import { waitFor } from '../../support/wait-for';

const PAGE = { url: 'ha-tray://app/settings.html#/favourites', isMainFrame: true };
let sim: HaSimulator;
let app: AppServices;
let dispose: (() => Promise<void>) | undefined;

const doorRule: NotificationRule = {
  id: 'door',
  entityId: 'binary_sensor.front_door',
  enabled: true,
  kind: 'any_change',
  cooldownSeconds: 0,
};

async function ask(name: string, ...args: unknown[]) {
  const result = (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<unknown>;
  if (!result.ok) throw new Error(result.error.message);
}

afterEach(async () => {
  await dispose?.();
  await sim?.close();
});

describe.each(HA_GENERATIONS)('the entity scope in the app, Home Assistant %s', (generation) => {
  it('holds only favourites and rule entities until a page lists everything; switching notifies nothing', async () => {
    sim = await startSimulator({ haVersion: HA_RELEASE[generation] });
    const shown: DesktopNotification[] = [];
    ({ app, dispose } = await appForSimulator(sim, {
      platform: { notifier: { isSupported: () => true, show: (n) => void shown.push(n) } },
      beforeConnect: async (started) => {
        app = started;
        await ask('updateInstance', KEY, {
          favourites: [{ entityId: 'light.kitchen' }],
          rules: [doorRule],
        });
      },
    }));
    const { store } = onlyInstance(app);
    const ids = () =>
      store
        .all()
        .map((s) => s.entity_id)
        .sort();
    await waitFor(() => store.size === 2, 'the watched entities');
    expect(ids()).toEqual(['binary_sensor.front_door', 'light.kitchen']);

    const everything = sim.states().length;
    for (let i = 0; i < 3; i++) {
      await ask('setEntityListOpen', true);
      await waitFor(() => store.size === everything, 'every entity');
      await ask('setEntityListOpen', false);
      await waitFor(() => store.size === 2, 'the watched entities again');
    }
    sim.setState('binary_sensor.front_door', 'on');
    await waitFor(() => shown.length > 0, 'the door notification');
    expect(shown).toHaveLength(1);
  });
});

describe('a rule added while no page lists every entity', () => {
  it("starts from its entity's first state, which arrives with the widened subscription", async () => {
    sim = await startSimulator();
    const shown: DesktopNotification[] = [];
    ({ app, dispose } = await appForSimulator(sim, {
      platform: { notifier: { isSupported: () => true, show: (n) => void shown.push(n) } },
      beforeConnect: async (started) => {
        app = started;
        await ask('updateInstance', KEY, { favourites: [{ entityId: 'light.kitchen' }] });
      },
    }));
    const { store } = onlyInstance(app);
    await waitFor(() => store.size === 1, 'the favourite');
    await ask('updateInstance', KEY, { rules: [doorRule] });
    await waitFor(() => store.get('binary_sensor.front_door') !== undefined, 'the door');
    sim.setState('binary_sensor.front_door', 'on');
    await waitFor(() => shown.length > 0, 'the door notification');
    expect(shown).toHaveLength(1);
  });
});
