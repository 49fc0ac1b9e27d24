import { describe, expect, it } from 'vitest';
import type { MenuItemSpec } from '../../../src/main/tray/tray-host';
import { trayModel, type TrayInput } from '../../../src/main/tray/tray-model';
import type { EntityState } from '../../../src/shared/entity';
import type { EntityPlace } from '../../../src/shared/entity-view';
import type { Favourite } from '../../../src/shared/settings';
import { READY_TOKEN } from '../../support/token-metadata';
import { entityState, outline } from './tray-values';

const entity = (
  entity_id: string,
  state: string,
  friendly_name: string,
  attributes: Record<string, unknown> = {},
): EntityState => entityState(entity_id, state, { friendly_name, ...attributes });

const GROUND = { floor: 'Ground floor', floorOrder: 0 };
const FIRST = { floor: 'First floor', floorOrder: 1 };

/** A home with floors: each entity with its place. */
const HOME: Array<[EntityState, EntityPlace]> = [
  [entity('light.kitchen', 'on', 'Kitchen lights'), { area: 'Kitchen', ...GROUND }],
  [entity('light.living', 'off', 'Ceiling light'), { area: 'Living room', ...GROUND }],
  [entity('lock.front', 'locked', 'Front door'), { area: 'Hallway', ...GROUND }],
  [
    entity('binary_sensor.front', 'off', 'Front door', { device_class: 'door' }),
    { area: 'Hallway', ...GROUND },
  ],
  [entity('light.bedroom', 'off', 'Ceiling light'), { area: 'Bedroom', ...FIRST }],
  [entity('switch.desk', 'on', 'Desk lamp'), { area: 'Office', ...FIRST }],
  [entity('cover.garage', 'closed', 'Garage door'), { area: 'Garage' }],
  [entity('light.hallway', 'on', 'Hallway light'), { area: 'Hallway', ...GROUND }],
  [entity('fan.bedroom', 'off', 'Bedroom fan'), { area: 'Bedroom', ...FIRST }],
  [entity('scene.movie', 'unknown', 'Movie night'), {}],
  [entity('switch.coffee', 'off', 'Coffee machine'), { area: 'Kitchen', ...GROUND }],
];

function menu(favourites: Favourite[], connected = true, home = HOME): MenuItemSpec[] {
  const input: TrayInput = {
    instances: [
      {
        status: {
          key: 'first',
          name: 'Home',
          connection: connected
            ? { state: 'connected', since: 0, haVersion: '2026.2.0' }
            : { state: 'offline' },
          instance: { origin: 'http://ha.lan:8123', locationName: 'Home' },
          token: READY_TOKEN,
          settingsNotice: null,
          startNotice: null,
          lookalike: null,
        },
        favourites,
        entity: (id) => home.find(([e]) => e.entity_id === id)?.[0],
        placeOf: (id) => home.find(([e]) => e.entity_id === id)?.[1],
        reminder: null,
      },
    ],
    panelShortcut: null,
    pausedUntil: null,
    sensor: null,
    dark: false,
  };
  const { items } = trayModel(input, 0);
  // The favourites' part: between the status line's separator and the one after the favourites.
  const end = items.findIndex((item) => 'id' in item && item.id === 'panel');
  return items.slice(2, end - 1);
}

const favourites = (...ids: string[]): Favourite[] => ids.map((entityId) => ({ entityId }));

describe('the tray menu’s favourites', () => {
  it('keep the user’s order under a header wherever the floor changes, and a floor may come twice', () => {
    expect(
      outline(menu(favourites('light.kitchen', 'switch.desk', 'cover.garage', 'light.living'))),
    ).toEqual([
      '— Ground floor —',
      '☑ Kitchen lights',
      '-',
      '— First floor —',
      '☑ Desk lamp',
      '-',
      '— No floor —',
      'Garage door – Closed  (Open)',
      '-',
      '— Ground floor —',
      '☐ Ceiling light',
    ]);
  });

  it('are one plain list, as before, when they are all on one floor', () => {
    expect(outline(menu(favourites('light.kitchen', 'light.living')))).toEqual([
      '☑ Kitchen lights',
      '☐ Ceiling light',
    ]);
  });

  it('carry the area beside a repeated name, or the domain where the area is the same', () => {
    expect(
      outline(
        menu(favourites('light.living', 'lock.front', 'binary_sensor.front', 'light.bedroom')),
      ),
    ).toEqual([
      '— Ground floor —',
      '☐ Ceiling light (Living room)',
      'Front door (Lock) – Locked  (Unlock…)',
      'Front door (Binary sensor) – Closed',
      '-',
      '— First floor —',
      '☐ Ceiling light (Bedroom)',
    ]);
  });

  it('take a submenu per group above ten favourites, in the user’s order, disabled while offline', () => {
    const eleven = favourites(
      'light.kitchen',
      'light.living',
      'lock.front',
      'binary_sensor.front',
      'light.bedroom',
      'switch.desk',
      'fan.bedroom',
      'cover.garage',
      'scene.movie',
      'light.hallway',
      'switch.coffee',
    );
    const items = menu(eleven, false);
    expect(items.map((item) => item.type)).toEqual(Array(4).fill('submenu'));
    expect(outline(items)).toEqual([
      '▸ Ground floor',
      '  ☑ Kitchen lights [disabled]',
      '  ☐ Ceiling light (Living room) [disabled]',
      '  Front door (Lock) – Locked  (Unlock…) [disabled]',
      '  Front door (Binary sensor) – Closed [disabled]',
      '▸ First floor',
      '  ☐ Ceiling light (Bedroom) [disabled]',
      '  ☑ Desk lamp [disabled]',
      '  ☐ Bedroom fan [disabled]',
      '▸ No floor',
      '  Garage door – Closed  (Open) [disabled]',
      '  ▶ Movie night [disabled]',
      '▸ Ground floor',
      '  ☑ Hallway light [disabled]',
      '  ☐ Coffee machine [disabled]',
    ]);
    // Ten favourites on the same floors: headers, not submenus.
    expect(menu(eleven.slice(0, 10)).some((item) => item.type === 'submenu')).toBe(false);
  });

  it('45 favourites on two floors make a menu of two submenus, not 54 items', () => {
    const lights = (count: number, floor: typeof GROUND) =>
      Array.from({ length: count }, (_, i): [EntityState, EntityPlace] => [
        entity(`light.${floor.floorOrder}_${i}`, 'on', `Light ${i}`),
        { area: `Room ${i % 5}`, ...floor },
      ]);
    const home = [...lights(30, GROUND), ...lights(15, FIRST)];
    const items = menu(
      home.map(([e]) => ({ entityId: e.entity_id })),
      true,
      home,
    );
    expect(
      items.map((item) =>
        item.type === 'submenu' ? `${item.label}: ${item.submenu.length}` : '?',
      ),
    ).toEqual(['Ground floor: 30', 'First floor: 15']);
  });
});
