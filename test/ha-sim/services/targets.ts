import type { EntityRegistry } from '../entities/registry';
import { compEntityIds, stringList, type Field, type Validator } from '../schema';

/** The target fields every entity service accepts (`cv.ENTITY_SERVICE_FIELDS`, HA 2024.1). */
const noneOr =
  (list: Validator<string[]>): Validator<string[] | 'none'> =>
  (v, path) =>
    v === 'none' ? 'none' : list(v, path);

export const TARGET_FIELDS: readonly Field[] = [
  { key: 'entity_id', validate: compEntityIds },
  { key: 'device_id', validate: noneOr(stringList) },
  { key: 'area_id', validate: noneOr(stringList) },
];

export const TARGET_KEYS = new Set(TARGET_FIELDS.map((f) => f.key));

export interface ReferencedEntities {
  /** `entity_id: all`. */
  all: boolean;
  /** Named in `entity_id`: an unsupported feature is an error for these. */
  explicit: string[];
  /** Reached through an area: skipped quietly when they cannot do the service. */
  indirect: string[];
}

/** `async_extract_referenced_entity_ids`: entities named, or in the areas named (also through their device). */
export function referencedEntities(
  data: Record<string, unknown>,
  registry: EntityRegistry,
): ReferencedEntities {
  const ids = data.entity_id as string[] | 'all' | 'none' | undefined;
  const areas = data.area_id as string[] | 'none' | undefined;
  const explicit = Array.isArray(ids) ? ids : [];
  const indirect = Array.isArray(areas)
    ? areas.flatMap((area) => registry.entitiesInArea(area)).filter((id) => !explicit.includes(id))
    : [];
  return { all: ids === 'all', explicit, indirect };
}
