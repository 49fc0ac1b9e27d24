import { describe, expect, it } from 'vitest';
import type { Msg } from '../support/raw-ws-client';
import { scenarioClients } from './clients';
import type { ConformanceTarget } from './target';

/** The keys `_as_display_dict` writes in Home Assistant 2024.1 (helpers/entity_registry.py). */
const DISPLAY_KEYS = ['ai', 'di', 'dp', 'ec', 'ei', 'en', 'hb', 'pl', 'tk'];

/** Where each shared entity is in both homes. */
const AREAS = {
  'light.kitchen': 'kitchen',
  'switch.coffee_machine': 'kitchen',
  'lock.front_door': 'hallway',
  'cover.living_room_blinds': 'living_room',
  'cover.garage_door': 'garage',
  'fan.bedroom_fan': 'bedroom',
  'switch.heater': 'office',
};

/** The registries the app reads on every connect to know which area an entity is in. */
export function registryScenarios(target: () => ConformanceTarget): void {
  describe('registries', () => {
    const { open, stateOf } = scenarioClients(target);

    it('config/area_registry/list: every area with the fields of 2024.1', async () => {
      const client = await open();
      const areas = (await client.command({ type: 'config/area_registry/list' })).result as Msg[];
      for (const area of areas)
        expect(area).toEqual({
          aliases: [],
          area_id: expect.any(String),
          name: expect.any(String),
          picture: null,
        });
      expect(areas.map((a) => a.area_id)).toEqual(
        expect.arrayContaining([...new Set(Object.values(AREAS))]),
      );
    });

    it('config/entity_registry/list_for_display: compressed entries with the area id', async () => {
      const client = await open();
      const display = (await client.command({ type: 'config/entity_registry/list_for_display' }))
        .result as { entity_categories: Msg; entities: Msg[] };
      expect(display.entity_categories).toEqual({ 0: 'config', 1: 'diagnostic' });
      for (const entry of display.entities) {
        expect(entry).toMatchObject({ ei: expect.any(String), pl: expect.any(String) });
        expect(Object.keys(entry).filter((key) => !DISPLAY_KEYS.includes(key))).toEqual([]);
      }
      const areaOf = Object.fromEntries(display.entities.map((e) => [e.ei, e.ai]));
      expect(areaOf).toMatchObject(AREAS);
    });

    it('an icon chosen in the entity settings shows in the state, not in the display registry', async () => {
      const client = await open();
      const display = (await client.command({ type: 'config/entity_registry/list_for_display' }))
        .result as { entities: Msg[] };
      expect(display.entities.find((e) => e.ei === 'switch.heater')).toEqual({
        ei: 'switch.heater',
        pl: expect.any(String),
        ai: 'office',
      });
      expect((await stateOf(client, 'switch.heater'))?.attributes.icon).toBe('mdi:radiator');
    });
  });
}
