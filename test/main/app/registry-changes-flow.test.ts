import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app-services';
import type { EntityView } from '../../../src/shared/entity-view';
import { requestChannel, streamChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { appForSimulator } from '../../support/connected-app';
import { waitFor } from '../../support/wait-for';
import { followEveryStream } from '../../support/stream-pages';

const PAGE = { url: 'ha-tray://app/settings.html', isMainFrame: true };
let sim: HaSimulator | undefined;
let app: AppServices;
let dispose: (() => Promise<void>) | undefined;

afterEach(async () => {
  await dispose?.();
  await sim?.close();
});

async function listEntities(): Promise<EntityView[]> {
  const result = (await app.table.handle(requestChannel('listEntities'), PAGE, [KEY])) as IpcResult<
    EntityView[]
  >;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * The app connected to a simulator of `generation`; its favourites: the kitchen light, the CO2
 * sensor (in its device's area) and the TV socket (labelled).
 */
async function connectedApp(generation: keyof typeof HA_RELEASE) {
  sim = await startSimulator({ haVersion: HA_RELEASE[generation] });
  const favourites: EntityView[][] = [];
  let listChanges = 0;
  ({ app, dispose } = await appForSimulator(sim, {
    beforeConnect: async (started) => {
      followEveryStream(started.table, ({ channel, payload }) => {
        if (channel === streamChannel({ stream: 'favouriteEntities', instance: KEY }))
          favourites.push(payload as EntityView[]);
        if (channel === streamChannel({ stream: 'entityListChanged', instance: KEY }))
          listChanges++;
      });
      started.settings.updateInstance(KEY, {
        favourites: ['light.kitchen', 'sensor.office_co2', 'switch.tv_socket'].map((entityId) => ({
          entityId,
        })),
      });
    },
  }));
  const kitchen = () => favourites.at(-1)?.[0];
  const co2 = () => favourites.at(-1)?.[1];
  const tv = () => favourites.at(-1)?.[2];
  await waitFor(() => kitchen()?.area === 'Kitchen', 'the kitchen light in the kitchen');
  return { sim, kitchen, co2, tv, listChanges: () => listChanges };
}

describe('registry changes reach the pages without a reconnect', () => {
  it('Home Assistant 2026.2: a renamed floor, an area moved to another floor, a renamed label', async () => {
    const { sim, kitchen, tv, listChanges } = await connectedApp('2026.2');
    expect(kitchen()).toMatchObject({ floor: 'Ground floor', floorOrder: 0 });
    sim.registries.updateFloor('ground_floor', { name: 'Downstairs' });
    await waitFor(() => kitchen()?.floor === 'Downstairs', 'the renamed floor');
    sim.registries.updateArea('kitchen', { floor_id: 'first_floor' });
    await waitFor(() => kitchen()?.floor === 'First floor', 'the kitchen upstairs');
    sim.registries.reorderFloors(['first_floor', 'ground_floor']);
    await waitFor(() => kitchen()?.floorOrder === 0, 'the first floor listed first');
    const before = listChanges();
    sim.registries.updateLabel('energy', { name: 'Power hungry' });
    await waitFor(() => tv()?.labels?.[0] === 'Power hungry', 'the renamed label');
    // The settings pages are told to read the list again, and find the new label there.
    await waitFor(() => listChanges() > before, 'the entity list told');
    const listed = (await listEntities()).find((e) => e.entity_id === 'switch.tv_socket');
    expect(listed?.labels).toEqual(['Power hungry']);
    expect(sim.stats.authAttempts).toBe(1);
  });

  it('Home Assistant 2024.1: an entity and a device moved to another area', async () => {
    const { sim, kitchen, co2 } = await connectedApp('2024.1');
    sim.registries.updateEntity('light.kitchen', { area_id: 'office' });
    await waitFor(() => kitchen()?.area === 'Office', 'the light in the office');
    sim.registries.updateDevice('b3f1c0ffee0ff1ce0a1b2c3d4e5f6a7b', { area_id: 'garage' });
    await waitFor(() => co2()?.area === 'Garage', 'the air monitor in the garage');
    expect(sim.stats.authAttempts).toBe(1);
  });

  it('follows the registries on the new connection after a restart, and only there', async () => {
    const { sim, kitchen } = await connectedApp('2026.2');
    await sim.restart();
    // The liveness check opens a socket too: the logins count the connections.
    await waitFor(() => sim.stats.authAttempts === 2, 'the reconnect');
    await waitFor(() => sim.eventSubscribers('floor_registry_updated') === 1, 'the subscription');
    for (const registry of ['area', 'device', 'entity', 'floor', 'label'])
      expect(sim.eventSubscribers(`${registry}_registry_updated`)).toBe(1);
    sim.registries.updateFloor('ground_floor', { name: 'Downstairs' });
    await waitFor(() => kitchen()?.floor === 'Downstairs', 'the renamed floor');
  });
});
