import { describe, expect, it } from 'vitest';
import { searchEntities } from '../../../src/renderer/settings/pages/favourite-search';
import type { EntityView } from '../../../src/shared/entity-view';
import { entityView } from '../fake-bridge';

const entities: EntityView[] = [
  {
    ...entityView('switch.tv_socket', 'on', {}, 'Living room'),
    floor: 'Ground floor',
    labels: ['Energy'],
  },
  {
    ...entityView('sensor.office_co2', '600', {}, 'Office'),
    floor: 'First floor',
    labels: ['Air quality'],
  },
  entityView('light.kitchen', 'on', {}, 'Kitchen'),
];
const ids = (query: string) => searchEntities(entities, query, 10).matches.map((e) => e.entity_id);

describe('searching entities', () => {
  it('finds entities by their labels and their floor (Home Assistant 2024.4 on)', () => {
    expect(ids('energy')).toEqual(['switch.tv_socket']);
    expect(ids('air quality')).toEqual(['sensor.office_co2']);
    expect(ids('first floor')).toEqual(['sensor.office_co2']);
  });

  it('still finds by area and domain when there are no floors or labels (2024.1)', () => {
    expect(ids('kitchen light')).toEqual(['light.kitchen']);
  });
});
