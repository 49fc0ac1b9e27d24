import { describe, expect, it } from 'vitest';
import type { HaGeneration } from '../ha-sim';
import { scenarioClients } from './clients';
import type { ConformanceTarget } from './target';

/**
 * The registry events a user who is not an administrator may follow: SUBSCRIBE_ALLOWLIST in
 * homeassistant/auth/permissions/events.py. Floors, labels and categories joined it in 2024.8
 * (home-assistant/core#123267).
 */
const FOLLOWED_BY_ANYONE: Record<HaGeneration, string[]> = {
  '2024.1': ['area', 'device', 'entity'],
  '2026.2': ['area', 'device', 'entity', 'floor', 'label', 'category'],
};
const REGISTRIES = ['area', 'device', 'entity', 'floor', 'label', 'category'];

/** What the app follows to keep areas, floors and labels current (registry-follower.ts). */
export function registryEventScenarios(
  target: () => ConformanceTarget,
  generation: HaGeneration,
): void {
  describe('registry events', () => {
    const { open } = scenarioClients(target);
    const guest = async (name: string) => open((await target().createUser(name)).token);

    it(`a non-admin may follow the ${FOLLOWED_BY_ANYONE[generation].join(', ')} registries`, async () => {
      const client = await guest('Conformance registry follower');
      for (const registry of REGISTRIES) {
        const reply = await client.command({
          type: 'subscribe_events',
          event_type: `${registry}_registry_updated`,
        });
        const allowed = FOLLOWED_BY_ANYONE[generation].includes(registry);
        expect({ registry, success: reply.success, error: reply.error }).toEqual({
          registry,
          success: allowed,
          error: allowed ? undefined : { code: 'unauthorized', message: 'Unauthorized' },
        });
      }
    });

    it('moving an entity to another area and renaming an area reach a non-admin', async () => {
      const client = await guest('Conformance registry watcher');
      const subscribe = (registry: string) =>
        client.subscribe({ type: 'subscribe_events', event_type: `${registry}_registry_updated` });
      const entities = await subscribe('entity');
      const areas = await subscribe('area');
      const moveHeater = (area_id: string) =>
        target().updateRegistry({
          type: 'config/entity_registry/update',
          entity_id: 'switch.heater',
          area_id,
        });
      const renameGarage = (name: string) =>
        target().updateRegistry({ type: 'config/area_registry/update', area_id: 'garage', name });
      const heaterMoved = (from: string) =>
        client
          .nextEvent(entities, (e) => e.data.entity_id === 'switch.heater')
          .then((e) => {
            expect(e).toMatchObject({ event_type: 'entity_registry_updated' });
            expect(e.data).toEqual({
              action: 'update',
              entity_id: 'switch.heater',
              changes: { area_id: from },
            });
          });
      const garageRenamed = () =>
        client
          .nextEvent(areas, (e) => e.data.area_id === 'garage')
          .then((e) => {
            expect(e.data).toEqual({ action: 'update', area_id: 'garage' });
          });
      try {
        await moveHeater('kitchen');
        await heaterMoved('office');
        await renameGarage('Car port');
        await garageRenamed();
      } finally {
        await moveHeater('office');
        await renameGarage('Garage');
      }
      await heaterMoved('kitchen');
      await garageRenamed();
    });
  });
}
