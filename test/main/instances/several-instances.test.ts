import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { InstanceServices } from '../../../src/main/instances/instance-services';
import { requestChannel } from '../../../src/shared/ipc/define';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { FakeServiceBrowser, haAnswer } from '../../fakes/service-browser';
import { testPlatform } from '../../support/app-platform';
import { followEveryStream } from '../../support/stream-pages';
import { fastRetry } from '../../support/fast-retry';
import { waitFor } from '../../support/wait-for';

const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };
const SENSOR = 'sensor.living_room_temperature';

let dir: string;
let app: AppServices;
let browser: FakeServiceBrowser;
const sims: HaSimulator[] = [];

async function simulator(options: Parameters<typeof startSimulator>[0]): Promise<HaSimulator> {
  const sim = await startSimulator(options);
  sims.push(sim);
  return sim;
}

/** Sets an instance up on a simulator, as a saved address and token do, and connects it. */
async function setUp(instance: InstanceServices, sim: HaSimulator, token = sim.token) {
  await instance.vault.save(token);
  instance.settings.setOrigin(sim.url);
  instance.setup.connectIfReady();
}

const connected = (instance: InstanceServices) =>
  instance.supervisor.getStatus().state === 'connected';

/** As a page calls it: through the handler table. */
function ask<T>(name: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return app.table.handle(requestChannel(name), PAGE, args) as Promise<IpcResult<T>>;
}

/**
 * Every state `entityId` takes in an instance's store from now on, in the order the store saw
 * them: from after the first snapshot, which is not a change.
 */
async function statesOf(instance: InstanceServices, entityId: string): Promise<string[]> {
  await waitFor(() => instance.store.get(entityId) !== undefined, 'the first snapshot');
  const seen: string[] = [];
  instance.store.onUpdate((update) => {
    for (const change of update.changes)
      if (change.state?.entity_id === entityId) seen.push(change.state.state);
  });
  return seen;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-instances-'));
  browser = new FakeServiceBrowser();
  app = createAppServices(testPlatform(dir, { serviceBrowser: browser }), {
    connection: { retry: fastRetry(10, 40) },
  });
  await app.start();
});

afterEach(async () => {
  await app.dispose();
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('several Home Assistants at once', () => {
  it("keeps the healthy one's changes arriving, in order, while the other restarts, sends garbage, is banned and loses its token", async () => {
    const home = await simulator({ locationName: 'Home' });
    const cabin = await simulator({ locationName: 'Cabin', banThreshold: 1 });
    const [first] = app.instances.list();
    await setUp(first!, home);
    const second = app.instances.add();
    await setUp(second, cabin);
    await waitFor(() => connected(first!) && connected(second), 'both connected');
    await waitFor(() => second.setup.status().name === 'Cabin', "the cabin's name");

    const seen = await statesOf(first!, SENSOR);
    const sent: string[] = [];
    // Each change of the home must reach its store while the cabin is in trouble.
    const change = async () => {
      const value = String(20 + sent.length / 10);
      sent.push(value);
      home.setState(SENSOR, value);
      await waitFor(() => first!.store.get(SENSOR)?.state === value, `the home at ${value}`);
    };
    await change();
    cabin.sendMalformedFrame();
    await change();
    await cabin.restart({ downMs: 1 });
    await change();
    await waitFor(() => connected(second), 'the cabin back after its restart');
    await change();
    // Its token revoked: refused on the next connection.
    cabin.revokeToken(cabin.token);
    await cabin.restart({ downMs: 1 });
    await change();
    await waitFor(() => second.supervisor.getStatus().state === 'auth_failed', 'token refused');
    await change();
    // That refusal was one failed login too many for the cabin (threshold 1): with a new token,
    // the next attempt finds this address banned.
    await second.vault.save(cabin.createLongLivedToken(cabin.owner.id, 'HA Tray again'));
    second.setup.connectIfReady({ restart: true });
    await change();
    await waitFor(() => second.supervisor.getStatus().state === 'banned', 'the cabin banned');
    expect(cabin.bannedIps.size).toBe(1);
    await change();

    await waitFor(() => seen.length === sent.length, "every one of the home's changes");
    expect(seen).toEqual(sent);
    expect(connected(first!)).toBe(true);
    expect(first!.store.get(SENSOR)?.state).toBe(sent.at(-1));
  });

  it("keeps the healthy one's changes arriving while the other sends a 30,000-entity snapshot", async () => {
    const home = await simulator({ locationName: 'Home' });
    const big = await simulator({ locationName: 'Warehouse', home: { scale: 30_000 } });
    const [first] = app.instances.list();
    await setUp(first!, home);
    await waitFor(() => connected(first!), 'the home connected');
    const seen = await statesOf(first!, SENSOR);
    const second = app.instances.add();
    await setUp(second, big);
    const sent = ['18.5', '18.6', '18.7', '18.8'];
    for (const value of sent) {
      home.setState(SENSOR, value);
      await waitFor(() => first!.store.get(SENSOR)?.state === value, `the home at ${value}`);
    }
    await waitFor(() => second.store.size >= 30_000, 'the big snapshot', 120_000);
    home.setState(SENSOR, '19');
    await waitFor(() => first!.store.get(SENSOR)?.state === '19', 'the home after the snapshot');
    expect(seen, JSON.stringify(seen)).toEqual([...sent, '19']);
  });

  it('adds and removes an instance with no restart; removing revokes its token first when asked', async () => {
    const home = await simulator({ locationName: 'Home' });
    const cabin = await simulator({ locationName: 'Cabin' });
    const [first] = app.instances.list();
    await setUp(first!, home);

    const added = await ask<string>('addInstance');
    expect(added.ok).toBe(true);
    const key = added.ok ? added.value : '';
    const second = app.instances.get(key);
    await setUp(second, cabin);
    await waitFor(() => second.setup.status().name === 'Cabin', 'the added instance connected');
    expect(await ask('getStatus', key)).toMatchObject({
      ok: true,
      value: { key, name: 'Cabin', connection: { state: 'connected' } },
    });
    const folder = join(dir, 'instances', key);
    expect(existsSync(folder)).toBe(true);
    const ownTokens = () =>
      cabin.refreshTokens(cabin.owner.id).filter((t) => t.type === 'long_lived_access_token');
    const before = ownTokens().length;

    expect(await ask('removeInstance', key, { revokeToken: true })).toEqual({
      ok: true,
      value: { revoked: true, revokeProblem: null },
    });
    expect(ownTokens()).toHaveLength(before - 1);
    expect(existsSync(folder)).toBe(false);
    expect(app.instances.list().map((instance) => instance.key)).toEqual([first!.key]);
    expect(app.settings.get().instances.map((entry) => entry.key)).toEqual([first!.key]);
    // A page that still names it reaches nothing, and is told why.
    expect(await ask('getStatus', key)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not set up in HA Tray any more/) },
    });
    expect(await ask('rotateToken', key)).toMatchObject({ ok: false });
    expect(connected(first!)).toBe(true);
  });

  it('says when the token could not be revoked, and removes the instance all the same', async () => {
    const cabin = await simulator({ locationName: 'Cabin' });
    const second = app.instances.add();
    await setUp(second, cabin);
    await waitFor(() => connected(second), 'connected');
    await cabin.stop();
    await waitFor(() => !connected(second), 'disconnected');
    const removal = await ask('removeInstance', second.key, { revokeToken: true });
    expect(removal).toMatchObject({
      ok: true,
      value: {
        revoked: false,
        revokeProblem: expect.stringMatching(/stays valid until you delete it/),
      },
    });
    expect(app.settings.get().instances).toHaveLength(1);
  });

  it('follows one Home Assistant once: an address another instance uses is refused', async () => {
    const home = await simulator({ locationName: 'Home' });
    const [first] = app.instances.list();
    await setUp(first!, home);
    await waitFor(() => connected(first!), 'connected');
    const second = app.instances.add();
    const candidate = { url: home.url, token: home.token };
    expect(await ask('testConnection', second.key, candidate)).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(await ask('saveConnection', second.key, candidate)).toMatchObject({
      ok: false,
      error: {
        message: `Home already uses ${home.url}. HA Tray follows each Home Assistant once.`,
      },
    });
    expect(second.settings.entry().origin).toBeNull();
  });

  it('remembers the location name of one saved after a test, for every page that names it', async () => {
    const cabin = await simulator({ locationName: 'Cabin' });
    const second = app.instances.add();
    const candidate = { url: cabin.url, token: cabin.token };
    await ask('testConnection', second.key, candidate);
    await ask('saveConnection', second.key, candidate);
    await waitFor(() => second.settings.entry().locationName === 'Cabin', 'the name remembered');
    expect(second.setup.status().name).toBe('Cabin');
  });

  it('removing the last instance leaves one to set up, as on a first run', async () => {
    const [only] = app.instances.list();
    await ask('removeInstance', only!.key, { revokeToken: false });
    const [fresh, ...rest] = app.instances.list();
    expect(rest).toEqual([]);
    expect(fresh!.key).not.toBe(only!.key);
    expect(fresh!.setup.isSetUp()).toBe(false);
  });

  it('recognises the same Home Assistant under another address by the id it announces', async () => {
    const home = await simulator({ locationName: 'Home' });
    const [first] = app.instances.list();
    await setUp(first!, home);
    await waitFor(() => connected(first!), 'connected');
    app.settings.rememberInstanceUuid(first!.key, 'abc123');
    // The same Home Assistant announces its other address (the one the user may paste).
    const other = home.url.replace('127.0.0.1', 'localhost');
    browser.announce(
      haAnswer({
        uuid: 'abc123',
        addresses: ['127.0.0.1'],
        port: home.port,
        txt: { internal_url: other },
      }),
    );
    followEveryStream(app.table);
    await waitFor(
      () => app.discovery.view().instances.some((found) => found.url === other),
      'the announcement',
    );
    const second = app.instances.add();
    const candidate = { url: other, token: home.token };
    await ask('testConnection', second.key, candidate);
    expect(await ask('saveConnection', second.key, candidate)).toMatchObject({
      ok: false,
      error: {
        message: `${other} is Home at another address. HA Tray follows each Home Assistant once.`,
      },
    });
  });

  it('warns when another instance has the same name and version: it may be the same one', async () => {
    const home = await simulator({ locationName: 'Home' });
    const twin = await simulator({ locationName: 'Home' });
    const [first] = app.instances.list();
    await setUp(first!, home);
    await waitFor(() => first!.setup.status().name === 'Home', 'the first one named');
    const second = app.instances.add();
    await setUp(second, twin);
    await waitFor(() => second.setup.status().lookalike !== null, 'the warning');
    expect(second.setup.status().lookalike).toBe(
      'This may be the same Home Assistant as Home: both are called "Home" and run 2024.1.6. ' +
        'Remove one of them if so.',
    );
    const cabin = await simulator({ locationName: 'Cabin' });
    const third = app.instances.add();
    await setUp(third, cabin);
    await waitFor(() => third.setup.status().name === 'Cabin', 'the cabin named');
    expect(third.setup.status().lookalike).toBeNull();
  });

  it('opens the settings at start on a first run, or on an instance that lost its token, not on one left unfinished', async () => {
    const [first] = app.instances.list();
    expect(app.instances.awaitingSetUp()?.key).toBe(first!.key);
    const home = await simulator({ locationName: 'Home' });
    await setUp(first!, home);
    const unfinished = app.instances.add();
    expect(app.instances.awaitingSetUp()).toBeUndefined();
    unfinished.settings.setOrigin('http://127.0.0.1:9');
    expect(app.instances.awaitingSetUp()?.key).toBe(unfinished.key);
  });

  it('tells the pages of a new name at once, and goes back to the location name without one', async () => {
    const home = await simulator({ locationName: 'Home' });
    const [first] = app.instances.list();
    await setUp(first!, home);
    await waitFor(() => first!.setup.status().name === 'Home', 'named by Home Assistant');
    const names: string[] = [];
    first!.setup.onStatus((status) => names.push(status.name));
    expect(await ask('updateInstance', first!.key, { name: 'Flat' })).toMatchObject({ ok: true });
    expect(names.at(-1)).toBe('Flat');
    await ask('updateInstance', first!.key, { name: null });
    expect(names.at(-1)).toBe('Home');
  });
});
