import { describe, expect, it } from 'vitest';
import { areaOrder, floorOrder } from '../../../src/main/ha/registry-order';

const FLOORS = [
  { floor_id: 'ground', name: 'Ground floor', level: 0 },
  { floor_id: 'attic', name: 'Attic', level: null },
  { floor_id: 'cellar', name: 'Cellar', level: -1 },
  { floor_id: 'first', name: 'First floor', level: 1 },
  { floor_id: 'annex', name: 'Annex', level: 0 },
];
const AREAS = [
  { area_id: 'office', name: 'Office' },
  { area_id: 'bath', name: 'Bathroom' },
  { area_id: 'kitchen', name: 'Kitchen' },
];

describe('floorOrder', () => {
  it('keeps the order Home Assistant lists them in from 2025.12 on (the user can change it there)', () => {
    expect([...floorOrder(FLOORS, '2026.2.3')]).toEqual([
      ['ground', 0],
      ['attic', 1],
      ['cellar', 2],
      ['first', 3],
      ['annex', 4],
    ]);
  });

  it('before 2025.12: highest level first, floors without a level last, then by name', () => {
    const order = floorOrder(FLOORS, '2025.11.3');
    expect([...order.keys()].sort((a, b) => order.get(a)! - order.get(b)!)).toEqual([
      'first',
      'annex',
      'ground',
      'cellar',
      'attic',
    ]);
  });
});

describe('areaOrder', () => {
  it('keeps the order Home Assistant lists them in from 2025.12 on', () => {
    expect([...areaOrder(AREAS, '2025.12.0')]).toEqual([
      ['office', 0],
      ['bath', 1],
      ['kitchen', 2],
    ]);
  });

  it('before 2025.12: by name', () => {
    expect(areaOrder(AREAS, '2024.4.0')).toEqual(
      new Map([
        ['bath', 0],
        ['kitchen', 1],
        ['office', 2],
      ]),
    );
  });
});
