import { haVersionAtLeast } from './ha-version';

/**
 * Since 2025.12 Home Assistant lists floors and areas in the order its user gave them
 * (`config/floor_registry/reorder`, `config/area_registry/reorder`: home-assistant/core#156802).
 */
export const USER_ORDER_SINCE = [2025, 12] as const;

interface Floor {
  floor_id: string;
  name: string;
  level?: number | null;
}

interface Area {
  area_id: string;
  name: string;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The position of each id in `entries`, once sorted by `compare` (kept as listed without one). */
function positions<E>(
  entries: readonly E[],
  idOf: (entry: E) => string,
  compare: ((a: E, b: E) => number) | null,
): Map<string, number> {
  const ordered = compare ? [...entries].sort(compare) : entries;
  return new Map(ordered.map((entry, index) => [idOf(entry), index]));
}

/**
 * Where each floor comes in Home Assistant's order. Before 2025.12 the list came in creation
 * order and Home Assistant sorted it for display: highest level first, floors without a level
 * last, then by name - the order its floor store 1.3 kept when the user order came in
 * (`helpers/floor_registry.py` `FloorRegistryStore._async_migrate_func`).
 */
export function floorOrder(
  floors: readonly Floor[],
  haVersion: string | undefined,
): Map<string, number> {
  const level = (f: Floor) => (typeof f.level === 'number' ? f.level : -Infinity);
  return positions(
    floors,
    (f) => f.floor_id,
    haVersionAtLeast(haVersion, ...USER_ORDER_SINCE)
      ? null
      : (a, b) => level(b) - level(a) || byName(a, b),
  );
}

/**
 * Where each area comes in Home Assistant's order: before 2025.12 by name, as area store 1.9 sorted
 * them (`helpers/area_registry.py` `AreaRegistryStore._async_migrate_func`).
 */
export function areaOrder(
  areas: readonly Area[],
  haVersion: string | undefined,
): Map<string, number> {
  return positions(
    areas,
    (a) => a.area_id,
    haVersionAtLeast(haVersion, ...USER_ORDER_SINCE) ? null : byName,
  );
}
