import { describe, expect, it } from 'vitest';
import type { Msg } from '../support/raw-ws-client';
import { scenarioClients } from './clients';
import type { HaGeneration } from '../ha-sim';
import type { ConformanceTarget } from './target';

/** The keys `_as_display_dict` writes (helpers/entity_registry.py); 2026.2 adds `lb`, `ic`, `hn`. */
const DISPLAY_KEYS: Record<HaGeneration, string[]> = {
  '2024.1': ['ai', 'di', 'dp', 'ec', 'ei', 'en', 'hb', 'pl', 'tk'],
  '2026.2': ['ai', 'di', 'dp', 'ec', 'ei', 'en', 'hb', 'hn', 'ic', 'lb', 'pl', 'tk'],
};

/** `config/area_registry/list` entries: 2026.2's `AreaEntry.json_fragment` (helpers/area_registry.py). */
const AREA_SHAPE: Record<HaGeneration, Msg> = {
  '2024.1': { aliases: [], area_id: expect.any(String), name: expect.any(String), picture: null },
  '2026.2': {
    aliases: [],
    area_id: expect.any(String),
    floor_id: null,
    humidity_entity_id: null,
    icon: null,
    labels: [],
    name: expect.any(String),
    picture: null,
    temperature_entity_id: null,
    created_at: expect.any(Number),
    modified_at: expect.any(Number),
  },
};

/** `DeviceEntry.dict_repr` (helpers/device_registry.py) of each generation. */
const DEVICE_KEYS: Record<HaGeneration, string[]> = {
  '2024.1': [
    'area_id',
    'config_entries',
    'configuration_url',
    'connections',
    'disabled_by',
    'entry_type',
    'hw_version',
    'id',
    'identifiers',
    'manufacturer',
    'model',
    'name',
    'name_by_user',
    'serial_number',
    'sw_version',
    'via_device_id',
  ],
  '2026.2': [
    'area_id',
    'config_entries',
    'config_entries_subentries',
    'configuration_url',
    'connections',
    'created_at',
    'disabled_by',
    'entry_type',
    'hw_version',
    'id',
    'identifiers',
    'labels',
    'manufacturer',
    'model',
    'model_id',
    'modified_at',
    'name',
    'name_by_user',
    'primary_config_entry',
    'serial_number',
    'sw_version',
    'via_device_id',
  ],
};

/** The heater's display entry: 2026.2 adds its labels, its chosen icon and its name. */
const HEATER_DISPLAY: Record<HaGeneration, Msg> = {
  '2024.1': { ei: 'switch.heater', pl: expect.any(String), ai: 'office' },
  '2026.2': {
    ei: 'switch.heater',
    pl: expect.any(String),
    ai: 'office',
    lb: [],
    ic: 'mdi:radiator',
    en: 'Heater',
  },
};

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
export function registryScenarios(target: () => ConformanceTarget, generation: HaGeneration): void {
  describe('registries', () => {
    const { open, stateOf } = scenarioClients(target);

    it(`config/area_registry/list: every area with the fields of ${generation}`, async () => {
      const client = await open();
      const areas = (await client.command({ type: 'config/area_registry/list' })).result as Msg[];
      for (const area of areas) {
        // A floor and an icon are optional (onboarding gives its areas an icon in 2026.2).
        const optional =
          generation === '2024.1' ? {} : { floor_id: area.floor_id, icon: area.icon };
        expect(area).toEqual({ ...AREA_SHAPE[generation], ...optional });
        if (generation !== '2024.1')
          for (const key of ['floor_id', 'icon'])
            expect(area[key] === null || typeof area[key] === 'string').toBe(true);
      }
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
        expect(Object.keys(entry).filter((key) => !DISPLAY_KEYS[generation].includes(key))).toEqual(
          [],
        );
      }
      const areaOf = Object.fromEntries(display.entities.map((e) => [e.ei, e.ai]));
      expect(areaOf).toMatchObject(AREAS);
    });

    it('an icon chosen in the entity settings shows in the state (and as "ic" from 2026.2)', async () => {
      const client = await open();
      const display = (await client.command({ type: 'config/entity_registry/list_for_display' }))
        .result as { entities: Msg[] };
      expect(display.entities.find((e) => e.ei === 'switch.heater')).toEqual(
        HEATER_DISPLAY[generation],
      );
      expect((await stateOf(client, 'switch.heater'))?.attributes.icon).toBe('mdi:radiator');
    });

    it(`config/device_registry/list: devices with the fields of ${generation}`, async () => {
      const client = await open();
      const devices = (await client.command({ type: 'config/device_registry/list' }))
        .result as Msg[];
      expect(Array.isArray(devices)).toBe(true);
      for (const device of devices)
        expect(Object.keys(device).sort()).toEqual([...DEVICE_KEYS[generation]].sort());
    });
  });
}
