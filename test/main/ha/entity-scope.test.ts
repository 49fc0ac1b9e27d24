import { describe, expect, it } from 'vitest';
import {
  ALL_ENTITIES,
  entityScope,
  sameScope,
  subscribeEntitiesMessage,
  watchedEntityIds,
} from '../../../src/main/ha/entity-scope';
import {
  DEFAULT_SETTINGS,
  FIRST_INSTANCE_KEY,
  newInstanceEntry,
} from '../../../src/shared/settings';
import { haVersionAtLeast, isRefusedAsTooOld } from '../../../src/main/ha/ha-version';

describe('the entity scope', () => {
  it("watches an instance's favourites, its rules' entities and the tray's sensor when it is the instance's", () => {
    const entry = {
      ...newInstanceEntry(FIRST_INSTANCE_KEY),
      favourites: [{ entityId: 'light.kitchen' }],
      rules: [
        {
          id: 'door',
          entityId: 'binary_sensor.front_door',
          enabled: true,
          kind: 'any_change' as const,
          cooldownSeconds: 0,
        },
      ],
    };
    const sensor = { instance: FIRST_INSTANCE_KEY, entityId: 'sensor.outside_temperature' };
    expect(watchedEntityIds(entry, { traySensor: sensor })).toEqual([
      'light.kitchen',
      'binary_sensor.front_door',
      'sensor.outside_temperature',
    ]);
    // Another instance's sensor of the same name is not this one's to watch.
    expect(watchedEntityIds(entry, { traySensor: { ...sensor, instance: 'cabin' } })).toEqual([
      'light.kitchen',
      'binary_sensor.front_door',
    ]);
    expect(watchedEntityIds(entry, DEFAULT_SETTINGS.ui)).toEqual([
      'light.kitchen',
      'binary_sensor.front_door',
    ]);
  });

  it('watches only the given ids, sorted and once each, unless a page wants everything', () => {
    expect(entityScope(['light.b', 'light.a', 'light.b'], false)).toEqual({
      kind: 'only',
      ids: ['light.a', 'light.b'],
    });
    expect(entityScope(['light.a'], true)).toBe(ALL_ENTITIES);
  });

  it('is everything when nothing is watched (an empty entity_ids filters nothing)', () => {
    expect(entityScope([], false)).toBe(ALL_ENTITIES);
  });

  it('compares scopes by their ids', () => {
    expect(sameScope(entityScope(['a.b', 'a.c'], false), entityScope(['a.c', 'a.b'], false))).toBe(
      true,
    );
    expect(sameScope(entityScope(['a.b'], false), entityScope(['a.c'], false))).toBe(false);
    expect(sameScope(entityScope(['a.b'], false), ALL_ENTITIES)).toBe(false);
    expect(sameScope(ALL_ENTITIES, ALL_ENTITIES)).toBe(true);
  });

  it('sends entity_ids from Home Assistant 2022.4 on, and no filter before', () => {
    const only = entityScope(['light.a'], false);
    expect(subscribeEntitiesMessage(only, '2024.1.6')).toEqual({
      type: 'subscribe_entities',
      entity_ids: ['light.a'],
    });
    expect(subscribeEntitiesMessage(only, '2022.4.0')).toHaveProperty('entity_ids');
    expect(subscribeEntitiesMessage(only, '2022.3.8')).toEqual({ type: 'subscribe_entities' });
    expect(subscribeEntitiesMessage(ALL_ENTITIES, '2026.2.3')).toEqual({
      type: 'subscribe_entities',
    });
  });
});

describe('Home Assistant versions', () => {
  it.each([
    ['2024.4.0', true],
    ['2024.10.1', true],
    ['2026.2.3', true],
    ['2024.3.9', false],
    ['2023.12.4', false],
    ['2024.4.0.dev20240301', true],
    ['', true],
    ['development', true],
  ])('%s is at least 2024.4: %s', (version, expected) => {
    expect(haVersionAtLeast(version, 2024, 4)).toBe(expected);
  });

  it('tells a refusal by an older Home Assistant from other failures', () => {
    expect(isRefusedAsTooOld({ code: 'unknown_command' })).toBe(true);
    expect(isRefusedAsTooOld({ code: 'invalid_format' })).toBe(true);
    expect(isRefusedAsTooOld({ code: 'unauthorized' })).toBe(false);
    expect(isRefusedAsTooOld(new Error('x'))).toBe(false);
  });
});
