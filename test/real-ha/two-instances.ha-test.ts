import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/main/app-services';
import type { InstanceServices } from '../../src/main/instances/instance-services';
import type { AppStatus } from '../../src/shared/app-status';
import { requestChannel } from '../../src/shared/ipc/define';
import type { IpcResult } from '../../src/shared/ipc/result';
import { testPlatform } from '../support/app-platform';
import { fastRetry } from '../support/fast-retry';
import { waitFor } from '../support/wait-for';
import type { RealHa } from './harness';
import { startHomeAndCabin } from './home-and-cabin';
import { besideRelease, selectedRelease } from './releases';

// The app's services following two real Home Assistants at once: the chosen release as "Home" and
// a 2024.1 as "Cabin" (test/real-ha/home-and-cabin.ts), each with its own owner and token.
const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };
const LIGHT = 'light.kitchen';
const SENSOR = 'sensor.living_room_temperature';
const release = selectedRelease();
const beside = besideRelease();
let home: RealHa;
let cabin: RealHa;
let dir: string;
let app: AppServices;
let first: InstanceServices;
let second: InstanceServices;

beforeAll(async () => {
  ({ home, cabin } = await startHomeAndCabin());
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-real-two-'));
  // Reconnects within a second, so the cabin's return after its stop is seen at once.
  app = createAppServices(testPlatform(dir), { connection: { retry: fastRetry(50, 500) } });
  await app.start();
}, 240_000);
afterAll(async () => {
  await app?.dispose();
  await Promise.all([home?.destroy(), cabin?.destroy()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** As a page calls it: through the handler table; a refusal fails the test with its sentence. */
async function ask<T>(name: string, ...args: unknown[]): Promise<T> {
  const result = (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** The Connection page's path: test the address and token, then save them, which connects. */
async function connect(instance: InstanceServices, ha: RealHa): Promise<void> {
  const candidate = { url: ha.url, token: ha.token };
  expect(await ask('testConnection', instance.key, candidate)).toMatchObject({ ok: true });
  await ask<AppStatus>('saveConnection', instance.key, candidate);
}

const connected = (instance: InstanceServices) =>
  instance.supervisor.getStatus().state === 'connected';

/** Every state `entityId` takes in an instance's store from now on, in the order it saw them. */
function statesOf(instance: InstanceServices, entityId: string): string[] {
  const seen: string[] = [];
  instance.store.onUpdate((update) => {
    for (const change of update.changes)
      if (change.state?.entity_id === entityId) seen.push(change.state.state);
  });
  return seen;
}

/** An entity's state as Home Assistant itself has it, read with its owner's token. */
async function stateIn(ha: RealHa, entityId: string): Promise<string> {
  const res = await fetch(`${ha.url}/api/states/${entityId}`, {
    headers: { Authorization: `Bearer ${ha.token}` },
  });
  return ((await res.json()) as { state: string }).state;
}

/** The living-room temperature set in Home Assistant, as an automation or a sensor would. */
async function setTemperature(ha: RealHa, value: string): Promise<void> {
  const res = await fetch(`${ha.url}/api/services/input_number/set_value`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ha.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ entity_id: 'input_number.living_room_temp', value: Number(value) }),
  });
  if (!res.ok) throw new Error(`set_value: HTTP ${res.status}`);
}

describe(`The app with two real Home Assistants: ${release.version} and ${beside.version}`, () => {
  it('connects both at once, each named after its own Home Assistant', async () => {
    first = app.instances.list()[0]!;
    await connect(first, home);
    second = app.instances.add();
    await connect(second, cabin);
    await waitFor(() => connected(first) && connected(second), 'both connected', 60_000);
    expect(await ask('getStatus', first.key)).toMatchObject({
      name: 'Home',
      connection: { state: 'connected' },
    });
    expect(await ask('getStatus', second.key)).toMatchObject({
      name: 'Cabin',
      connection: { state: 'connected' },
    });
    expect(app.instances.list().map((instance) => instance.key)).toEqual([first.key, second.key]);
  });

  it("toggles a favourite of each through the handler table, seen in that instance's store only", async () => {
    // Both homes have the same kitchen light: the instance id alone says which one is meant.
    for (const instance of [first, second])
      await ask('updateInstance', instance.key, { favourites: [{ entityId: LIGHT }] });
    await waitFor(
      () => first.store.get(LIGHT)?.state === 'on' && second.store.get(LIGHT)?.state === 'on',
      'both kitchen lights in their stores',
    );
    const atHome = statesOf(first, LIGHT);
    const atCabin = statesOf(second, LIGHT);

    await ask('actOnEntity', first.key, { entityId: LIGHT, action: { kind: 'primary' } });
    await waitFor(() => atHome.includes('off'), "the home's light off in its store");
    expect(await stateIn(home, LIGHT)).toBe('off');
    expect(await stateIn(cabin, LIGHT)).toBe('on');
    expect(atCabin).toEqual([]);

    await ask('actOnEntity', second.key, { entityId: LIGHT, action: { kind: 'primary' } });
    await waitFor(() => atCabin.includes('off'), "the cabin's light off in its store");
    expect(await stateIn(cabin, LIGHT)).toBe('off');
    expect(atHome).toEqual(['off']);
    expect(atCabin).toEqual(['off']);
  });

  it("keeps the home's changes arriving, in order, while the cabin stops and comes back", async () => {
    await ask('updateInstance', first.key, {
      favourites: [{ entityId: LIGHT }, { entityId: SENSOR }],
    });
    await waitFor(() => first.store.get(SENSOR) !== undefined, "the home's sensor in its store");
    const seen = statesOf(first, SENSOR);
    const sent: string[] = [];
    const change = async () => {
      const value = (18 + sent.length / 2).toFixed(1);
      sent.push(value);
      await setTemperature(home, value);
      await waitFor(() => first.store.get(SENSOR)?.state === value, `the home at ${value}`);
    };

    await change();
    const stopping = cabin.stop();
    await change();
    await stopping;
    await waitFor(() => !connected(second), 'the cabin seen gone');
    await change();
    await change();
    await cabin.launch();
    await change();
    await waitFor(() => connected(second), 'the cabin back', 60_000);
    await change();

    expect(seen).toEqual(sent);
    expect(connected(first)).toBe(true);
    // Its restart put the light back on (`initial: true` in test/real-ha/home-config.ts): the returned cabin's
    // store follows what the cabin has now, not what it had before it stopped.
    expect(await stateIn(cabin, LIGHT)).toBe('on');
    await waitFor(
      () => second.store.get(LIGHT)?.state === 'on',
      "the cabin's light after its return",
    );
  });
});
