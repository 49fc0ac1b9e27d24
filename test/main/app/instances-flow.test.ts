import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app-services';
import type { DesktopNotification } from '../../../src/main/notify/notifier';
import type { AppStatus } from '../../../src/shared/app-status';
import type { EntityView } from '../../../src/shared/entity-view';
import type { InstanceRemoval } from '../../../src/shared/ipc/contract';
import { requestChannel, streamChannel } from '../../../src/shared/ipc/define';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { NotificationRule } from '../../../src/shared/notification-rules';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { appForSimulator } from '../../support/connected-app';
import { followEveryStream, type SentEvent } from '../../support/stream-pages';
import { waitFor } from '../../support/wait-for';

const PAGE = { url: 'ha-tray://app/settings.html', isMainFrame: true };
const GARAGE = 'cover.garage_door';
const garageRule: NotificationRule = {
  id: 'garage',
  entityId: GARAGE,
  enabled: true,
  kind: 'becomes',
  states: ['open'],
  cooldownSeconds: 0,
};

let home: HaSimulator;
let cabin: HaSimulator;
let app: AppServices;
let dir: string;
let dispose: () => Promise<void>;
let shown: DesktopNotification[];
let sent: SentEvent[];

async function ask<T>(name: string, ...args: unknown[]): Promise<T> {
  const result = (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** The last payload main sent the pages on one instance's stream. */
const last = <T>(stream: string, instance: string) =>
  sent.filter((e) => e.channel === streamChannel({ stream, instance })).at(-1)?.payload as
    T | undefined;

/** "Add a Home Assistant", then the Connection page's Test and Save for the cabin's simulator. */
async function addCabin(): Promise<string> {
  const key = await ask<string>('addInstance');
  const candidate = { url: cabin.url, token: cabin.token };
  expect(await ask('testConnection', key, candidate)).toMatchObject({ ok: true });
  await ask('saveConnection', key, candidate);
  await waitFor(
    () => app.instances.get(key).supervisor.getStatus().state === 'connected',
    'the cabin connected',
  );
  return key;
}

/** Opens the garage in one Home Assistant and waits for the notification it causes. */
async function openGarage(sim: HaSimulator): Promise<DesktopNotification> {
  const before = shown.length;
  sim.setState(GARAGE, 'open', sim.getState(GARAGE)!.attributes);
  await waitFor(() => shown.length > before, 'the garage notification');
  return shown.at(-1)!;
}

const closeGarage = (sim: HaSimulator) =>
  sim.setState(GARAGE, 'closed', sim.getState(GARAGE)!.attributes);

beforeEach(async () => {
  home = await startSimulator({ locationName: 'Home' });
  cabin = await startSimulator({ locationName: 'Cabin' });
  shown = [];
  sent = [];
  ({ app, dir, dispose } = await appForSimulator(home, {
    platform: { notifier: { isSupported: () => true, show: (n) => void shown.push(n) } },
  }));
  await waitFor(
    () => app.instances.get(KEY).supervisor.getStatus().state === 'connected',
    'home connected',
  );
});
afterEach(async () => {
  await dispose();
  await Promise.all([home.close(), cabin.close()]);
});

describe('several Home Assistants in the app, all live at once', () => {
  it('each has its own connection, favourites and page streams', async () => {
    const cabinKey = await addCabin();
    followEveryStream(app.table, (event) => sent.push(event), [KEY, cabinKey]);
    // Both have a garage door among their favourites: the same entity id in two homes.
    await ask('updateInstance', KEY, {
      favourites: [{ entityId: 'light.kitchen' }, { entityId: GARAGE }],
    });
    await ask('updateInstance', cabinKey, { favourites: [{ entityId: GARAGE }] });
    const homeStore = app.instances.get(KEY).store;
    await waitFor(() => homeStore.get(GARAGE)?.state === 'closed', "the home's garage");

    expect(app.instances.list().map((instance) => instance.key)).toEqual([KEY, cabinKey]);
    expect(await ask<AppStatus>('getStatus', cabinKey)).toMatchObject({
      key: cabinKey,
      name: 'Cabin',
      instance: { origin: cabin.url },
      connection: { state: 'connected' },
    });
    expect(await ask<AppStatus>('getStatus', KEY)).toMatchObject({
      key: KEY,
      instance: { origin: home.url },
    });

    // A change in one Home Assistant reaches that instance's stream only.
    cabin.setState(GARAGE, 'open', cabin.getState(GARAGE)!.attributes);
    await waitFor(
      () => last<EntityView[]>('favouriteEntities', cabinKey)?.[0]?.state === 'open',
      "the cabin's favourite on its stream",
    );
    const homeFavourites = await ask<EntityView[]>('getFavouriteEntities', KEY);
    expect(homeFavourites.map((view) => [view.entity_id, view.state])).toEqual([
      ['light.kitchen', 'on'],
      [GARAGE, 'closed'],
    ]);
    expect(homeStore.get(GARAGE)?.state).toBe('closed');
    for (const event of sent.filter((e) => e.channel.endsWith(`@${KEY}`)))
      expect(JSON.stringify(event.payload)).not.toContain('"state":"open"');

    // Each instance's connection goes to its own Home Assistant with its own token.
    expect(home.stats.authFailures).toBe(0);
    expect(cabin.stats.authFailures).toBe(0);
  });

  it('the same Home Assistant is not added twice: its address is refused with a sentence', async () => {
    const key = await ask<string>('addInstance');
    const candidate = { url: home.url, token: home.token };
    await ask('testConnection', key, candidate);
    const saved = (await app.table.handle(requestChannel('saveConnection'), PAGE, [
      key,
      candidate,
    ])) as IpcResult<unknown>;
    expect(saved).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/already uses .* once\.$/) },
    });
    expect(app.settings.entry(key).origin).toBeNull();
  });

  it('notifications name the instance only while there are several', async () => {
    await ask('updateInstance', KEY, { rules: [garageRule] });
    await waitFor(() => app.instances.get(KEY).store.get(GARAGE) !== undefined, 'the garage');
    expect((await openGarage(home)).title).toBe('Garage door opened');
    closeGarage(home);

    const cabinKey = await addCabin();
    await ask('updateInstance', cabinKey, { rules: [garageRule] });
    await waitFor(
      () => app.instances.get(cabinKey).store.get(GARAGE) !== undefined,
      "the cabin's garage",
    );
    expect((await openGarage(cabin)).title).toBe('Cabin: Garage door opened');
    await waitFor(() => app.instances.get(KEY).store.get(GARAGE)?.state === 'closed', 'closed');
    expect((await openGarage(home)).title).toBe('Home: Garage door opened');
  });

  it('removing one revokes its token first, stops it and deletes its files; the other goes on', async () => {
    const cabinKey = await addCabin();
    const folder = join(dir, 'instances', cabinKey);
    expect(existsSync(folder)).toBe(true);

    const removal = await ask<InstanceRemoval>('removeInstance', cabinKey, { revokeToken: true });
    expect(removal).toEqual({ revoked: true, revokeProblem: null });
    expect(app.instances.list().map((instance) => instance.key)).toEqual([KEY]);
    expect(existsSync(folder)).toBe(false);
    // The cabin's Home Assistant refuses the token HA Tray had for it.
    expect(
      (await fetch(`${cabin.url}/api/`, { headers: { Authorization: `Bearer ${cabin.token}` } }))
        .status,
    ).toBe(401);

    // The home instance was never disturbed and still follows its Home Assistant.
    const { supervisor, store } = app.instances.get(KEY);
    expect(supervisor.getStatus().state).toBe('connected');
    home.setState('light.kitchen', 'off', home.getState('light.kitchen')!.attributes);
    await waitFor(() => store.get('light.kitchen')?.state === 'off', 'a home change after');
  });
});
