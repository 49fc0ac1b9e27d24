import { describe, expect, it } from 'vitest';
import type { EntityPlace } from '../../src/shared/entity-view';
import { groupByFloor, hasFloors, type FloorGroup } from '../../src/shared/floor-groups';

const GROUND = { floor: 'Ground floor', floorOrder: 0 };
const FIRST = { floor: 'First floor', floorOrder: 1 };
const PLACES: Record<string, EntityPlace | undefined> = {
  'light.kitchen': { area: 'Kitchen', areaOrder: 1, ...GROUND },
  'light.living_room': { area: 'Living room', areaOrder: 0, ...GROUND },
  'sensor.kitchen_temperature': { area: 'Kitchen', areaOrder: 1, ...GROUND },
  'light.bedroom': { area: 'Bedroom', areaOrder: 2, ...FIRST },
  'cover.garage_door': { area: 'Garage', areaOrder: 3 },
  'sensor.outside': {},
  'switch.gone': undefined,
};
const placeOf = (id: string) => PLACES[id];

/** A group as headings and ids: "Ground floor / Kitchen: light.kitchen". */
const outline = (groups: FloorGroup<string>[] | null) =>
  groups?.map((g) => [g.heading, g.areas.map((a) => [a.heading, a.items])]);

describe('groupByFloor, in Home Assistant order (the favourites editor)', () => {
  it('groups by floor, then area, in Home Assistant order; "No floor" and "No area" last', () => {
    const groups = groupByFloor(
      [
        'sensor.outside',
        'light.bedroom',
        'cover.garage_door',
        'light.kitchen',
        'light.living_room',
        'sensor.kitchen_temperature',
      ],
      placeOf,
      { order: 'home', homeHasFloors: true },
    );
    expect(outline(groups)).toEqual([
      [
        'Ground floor',
        [
          ['Living room', ['light.living_room']],
          // Inside an area the items keep their order (the search's, by name).
          ['Kitchen', ['light.kitchen', 'sensor.kitchen_temperature']],
        ],
      ],
      ['First floor', [['Bedroom', ['light.bedroom']]]],
      [
        'No floor',
        [
          ['Garage', ['cover.garage_door']],
          ['No area', ['sensor.outside']],
        ],
      ],
    ]);
    expect(groups!.map((g) => g.items)).toEqual([
      ['light.living_room', 'light.kitchen', 'sensor.kitchen_temperature'],
      ['light.bedroom'],
      ['cover.garage_door', 'sensor.outside'],
    ]);
    expect(new Set(groups!.map((g) => g.key)).size).toBe(3);
  });

  it('keeps the groups while a search narrows to entities on no floor', () => {
    expect(
      outline(groupByFloor(['sensor.outside'], placeOf, { order: 'home', homeHasFloors: true })),
    ).toEqual([['No floor', [['No area', ['sensor.outside']]]]]);
  });

  it('leaves the list as it is in a home without floors (Home Assistant before 2024.4)', () => {
    expect(
      groupByFloor(['light.bedroom', 'light.kitchen'], placeOf, {
        order: 'home',
        homeHasFloors: false,
      }),
    ).toBeNull();
  });

  it('orders floors and areas without a known position after those with one, by name', () => {
    const places: Record<string, EntityPlace> = {
      a: { floor: 'Loft', area: 'Studio' },
      b: { floor: 'Annex', area: 'Workshop' },
      c: { floor: 'Basement', floorOrder: 5, area: 'Cellar' },
      d: { floor: 'Basement', floorOrder: 5, area: 'Boiler room', areaOrder: 9 },
    };
    expect(
      outline(
        groupByFloor(['a', 'b', 'c', 'd'], (id) => places[id], {
          order: 'home',
          homeHasFloors: true,
        }),
      ),
    ).toEqual([
      [
        'Basement',
        [
          ['Boiler room', ['d']],
          ['Cellar', ['c']],
        ],
      ],
      ['Annex', [['Workshop', ['b']]]],
      ['Loft', [['Studio', ['a']]]],
    ]);
  });

  it('tells a floor called "No floor" from entities on none', () => {
    const places: Record<string, EntityPlace> = { a: { floor: 'No floor', area: 'Hall' }, b: {} };
    const groups = groupByFloor(['a', 'b'], (id) => places[id], {
      order: 'home',
      homeHasFloors: true,
    });
    expect(groups!.map((g) => [g.heading, g.items])).toEqual([
      ['No floor', ['a']],
      ['No floor', ['b']],
    ]);
    expect(groups![0]!.key).not.toBe(groups![1]!.key);
  });
});

describe('groupByFloor, in the user’s order (the panel)', () => {
  it('never reorders: a new group wherever the floor changes, keys unique when a floor comes back', () => {
    const favourites = [
      'light.kitchen',
      'light.living_room',
      'light.bedroom',
      'sensor.kitchen_temperature',
      'switch.gone',
    ];
    const groups = groupByFloor(favourites, placeOf, { order: 'kept' });
    expect(groups!.map((g) => [g.heading, g.items])).toEqual([
      ['Ground floor', ['light.kitchen', 'light.living_room']],
      ['First floor', ['light.bedroom']],
      ['Ground floor', ['sensor.kitchen_temperature']],
      ['No floor', ['switch.gone']],
    ]);
    expect(groups!.flatMap((g) => g.items)).toEqual(favourites);
    expect(new Set(groups!.map((g) => g.key)).size).toBe(4);
  });

  it('adds no heading when every favourite is on the same floor, or the home has none', () => {
    expect(
      groupByFloor(['light.kitchen', 'light.living_room'], placeOf, { order: 'kept' }),
    ).toBeNull();
    expect(
      groupByFloor(['cover.garage_door', 'switch.gone'], placeOf, { order: 'kept' }),
    ).toBeNull();
    expect(groupByFloor([], placeOf, { order: 'kept' })).toBeNull();
  });
});

describe('hasFloors', () => {
  it('is true when any place is on a floor', () => {
    expect(hasFloors([undefined, {}, { area: 'Garage' }])).toBe(false);
    expect(hasFloors([{ area: 'Garage' }, { area: 'Kitchen', floor: 'Ground floor' }])).toBe(true);
  });
});
