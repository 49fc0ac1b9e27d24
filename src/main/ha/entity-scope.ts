import type { InstanceEntry, Settings } from '../../shared/settings';
import { haVersionAtLeast } from './ha-version';

/**
 * Which entities HA Tray subscribes to: every one while a page lists them all, else only those the
 * app watches (favourites, rule entities, the tray's sensor), so a large home sends far fewer events.
 */
export type EntityScope = { kind: 'all' } | { kind: 'only'; ids: readonly string[] };

export const ALL_ENTITIES: EntityScope = { kind: 'all' };

/**
 * What HA Tray watches of one instance whatever page is open: its favourites, its rules' entities,
 * the tray's sensor when it is one of this instance's.
 */
export const watchedEntityIds = (
  entry: Pick<InstanceEntry, 'key' | 'favourites' | 'rules'>,
  ui: Pick<Settings['ui'], 'traySensor'>,
) => [
  ...entry.favourites.map((f) => f.entityId),
  ...entry.rules.map((r) => r.entityId),
  ...(ui.traySensor?.instance === entry.key ? [ui.traySensor.entityId] : []),
];

/** The scope from what the app watches; `everything` while a page lists all entities. */
export function entityScope(watched: Iterable<string>, everything: boolean): EntityScope {
  if (everything) return ALL_ENTITIES;
  const ids = [...new Set(watched)].sort();
  // `entity_ids: []` means no filter to Home Assistant: nothing watched is everything too.
  return ids.length === 0 ? ALL_ENTITIES : { kind: 'only', ids };
}

export const sameScope = (a: EntityScope, b: EntityScope): boolean =>
  a.kind === 'all'
    ? b.kind === 'all'
    : b.kind === 'only' && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i]);

/** `subscribe_entities` takes `entity_ids` since 2022.4 (websocket_api/commands.py). */
export const ENTITY_IDS_SINCE = [2022, 4] as const;

/** The `subscribe_entities` message for a scope, without the filter where Home Assistant lacks it. */
export function subscribeEntitiesMessage(
  scope: EntityScope,
  haVersion: string | undefined,
): { type: 'subscribe_entities'; entity_ids?: string[] } {
  if (scope.kind === 'all' || !haVersionAtLeast(haVersion, ...ENTITY_IDS_SINCE))
    return { type: 'subscribe_entities' };
  return { type: 'subscribe_entities', entity_ids: [...scope.ids] };
}
