import type { EntityState } from './entity';
import type { TemperatureUnit } from './unit-system';

/**
 * Where an entity is and how it is labelled, by name: its area, the area's floor and its labels
 * (floors and labels from Home Assistant 2024.4 on). In a home with floors, `areaOrder` and
 * `floorOrder` say where the area and the floor come in Home Assistant's own order (0 first).
 */
export interface EntityPlace {
  area?: string;
  floor?: string;
  labels?: string[];
  areaOrder?: number;
  floorOrder?: number;
}

/**
 * The unit of the home's unit system (`get_config`'s `unit_system.temperature`) on the entities
 * that show temperatures in it and carry no unit of their own: thermostats (see
 * src/shared/domains/climate.ts). Absent while it is not known.
 */
export interface HomeUnit {
  temperatureUnit?: TemperatureUnit;
}

/** An entity as pages see it: its state without the change context, plus its place and unit. */
export type EntityView = Omit<EntityState, 'context'> & EntityPlace & HomeUnit;

export function toEntityView(
  { entity_id, state, attributes, last_changed, last_updated }: EntityState,
  place: EntityPlace = {},
): EntityView {
  return { entity_id, state, attributes, last_changed, last_updated, ...place };
}

/** "Kitchen, Ground floor": the area with its floor, for lists that show where an entity is. */
export const placeText = ({ area, floor }: EntityPlace): string =>
  [area, floor].filter(Boolean).join(', ');

/** What a favourite says, in the panel and on the Favourites page, when Home Assistant has no such entity (removed or renamed). */
export const NOT_FOUND = 'Not found in Home Assistant';
