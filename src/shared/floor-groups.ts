import type { EntityPlace } from './entity-view';

export const NO_FLOOR = 'No floor';
export const NO_AREA = 'No area';

/** The entities of one area (or of none: "No area"), in a floor group. */
export interface AreaGroup<T> {
  /** Unique among its floor's areas: for React keys and heading ids. */
  key: string;
  heading: string;
  items: T[];
}

/** The entities of one floor (or of none: "No floor"), under one heading. */
export interface FloorGroup<T> {
  /** Unique among the groups, also where a floor comes twice (`kept` order). */
  key: string;
  heading: string;
  areas: AreaGroup<T>[];
  /** All of the group's items, in the order they are shown. */
  items: T[];
}

/**
 * How a list is grouped. `home`: floors in Home Assistant's order, then each floor's areas, in a
 * home with floors (`homeHasFloors`, decided from the whole home so that the groups do not come
 * and go as a search narrows). `kept`: the items' own order is the user's and never changes; a
 * group starts wherever the floor changes from one item to the next, and only when the items are
 * on more than one floor (a single heading above them all says nothing).
 */
export type FloorGrouping = { order: 'home'; homeHasFloors: boolean } | { order: 'kept' };

/** Whether any of these places is on a floor: Home Assistant 2024.4 on, in a home with floors. */
export const hasFloors = (places: readonly (EntityPlace | undefined)[]): boolean =>
  places.some((place) => place?.floor !== undefined);

type Rank = [number, number, string];

/** A floor's or an area's rank: those that have one first, in Home Assistant's order, then by name. */
const rank = (name: string | undefined, order: number | undefined): Rank => [
  name === undefined ? 1 : 0,
  order ?? Number.MAX_SAFE_INTEGER,
  name ?? '',
];

const compareRanks = (a: Rank, b: Rank): number =>
  a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]);

/** Consecutive items with the same key, in order. */
function runs<T, K>(items: readonly T[], keyOf: (item: T) => K): Array<[K, T[]]> {
  const out: Array<[K, T[]]> = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = out.at(-1);
    if (last && last[0] === key) last[1].push(item);
    else out.push([key, [item]]);
  }
  return out;
}

/**
 * The floor groups of a list of entities (`placeOf` says where each is; a missing entity has no
 * place), or null where the list reads best as it always did: one plain list.
 */
export function groupByFloor<T>(
  items: readonly T[],
  placeOf: (item: T) => EntityPlace | undefined,
  grouping: FloorGrouping,
): FloorGroup<T>[] | null {
  const floorOf = (item: T) => placeOf(item)?.floor;
  const areaOf = (item: T) => placeOf(item)?.area;
  let shown: readonly T[] = items;
  if (grouping.order === 'home') {
    if (!grouping.homeHasFloors) return null;
    const floorRank = (item: T) => rank(placeOf(item)?.floor, placeOf(item)?.floorOrder);
    const areaRank = (item: T) => rank(placeOf(item)?.area, placeOf(item)?.areaOrder);
    // A stable sort: within an area the items keep the order they came in.
    shown = [...items].sort(
      (a, b) => compareRanks(floorRank(a), floorRank(b)) || compareRanks(areaRank(a), areaRank(b)),
    );
  } else if (new Set(items.map(floorOf)).size < 2) {
    return null;
  }
  // Keys name the floor or area (a floor may come twice in `kept` order: then its position too).
  const keyOf = (name: string | undefined, index: number) =>
    `${grouping.order === 'kept' ? `${index}:` : ''}${name === undefined ? '-' : `=${name}`}`;
  return runs(shown, floorOf).map(([floor, floorItems], index) => ({
    key: keyOf(floor, index),
    heading: floor ?? NO_FLOOR,
    items: floorItems,
    areas: runs(floorItems, areaOf).map(([area, areaItems], i) => ({
      key: keyOf(area, i),
      heading: area ?? NO_AREA,
      items: areaItems,
    })),
  }));
}
