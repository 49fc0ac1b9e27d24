import { climate } from '../../../shared/domains/climate';
import { cover } from '../../../shared/domains/cover';
import { light } from '../../../shared/domains/light';
import { lock } from '../../../shared/domains/lock';
import { isUnavailable } from '../../../shared/domains/registry';
import { scene } from '../../../shared/domains/scene';
import { switchDomain } from '../../../shared/domains/switch';
import { domainOf } from '../../../shared/entity';
import type { EntityView } from '../../../shared/entity-view';
import { groupByFloor, type FloorGroup } from '../../../shared/floor-groups';
import { friendlyName } from '../../../shared/state-text';

/** What a panel is for: what one switches, opens, locks, warms or sets the scene with. */
const SUGGESTED_DOMAINS: ReadonlySet<string> = new Set(
  [light, switchDomain, cover, lock, climate, scene].map((module) => module.domain),
);

/**
 * Below this many favourites the Favourites page opens with suggestions: a panel of one to four
 * rows still looks empty, and a user who chose five has made it their own.
 */
export const FEW_FAVOURITES = 5;

export interface Suggestions<T extends EntityView = EntityView> {
  /** By floor (in a home with floors) and area, in Home Assistant's order; "No area" last. */
  groups: FloorGroup<T>[];
  /** The suggestions shown, in the order of the groups. */
  shown: T[];
  /** How many there are in all (more than `shown` past the limit). */
  total: number;
}

/**
 * The home's lights, switches, covers, locks, thermostats and scenes that are not favourites yet
 * and can be used now (an unavailable one is left out), grouped by area. Past `limit` the last
 * ones are left out: those in no area come last, being the least likely to be a room's device.
 */
export function suggestFavourites<T extends EntityView>(
  entities: readonly T[],
  chosen: (entity: T) => boolean,
  limit: number,
): Suggestions<T> {
  const candidates = entities
    .filter(
      (entity) =>
        SUGGESTED_DOMAINS.has(domainOf(entity.entity_id)) &&
        !chosen(entity) &&
        !isUnavailable(entity),
    )
    .sort((a, b) => friendlyName(a).localeCompare(friendlyName(b)));
  // Grouped as a home with floors is, so that a home without them still gets its areas (under
  // one "No floor" group, whose heading the page leaves out).
  const grouping = { order: 'home', homeHasFloors: true } as const;
  const all = groupByFloor(candidates, (entity) => entity, grouping) ?? [];
  const shown = all.flatMap((group) => group.items).slice(0, limit);
  const groups = groupByFloor(shown, (entity) => entity, grouping) ?? [];
  return { groups, shown, total: candidates.length };
}
