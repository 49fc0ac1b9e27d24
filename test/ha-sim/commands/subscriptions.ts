import { EntityEventBatch } from '../entities/entity-events';
import { entityFilter, filterPart, type FilterPart } from '../entities/entity-filter';
import { compressState } from '../entities/serialise';
import { Unauthorized } from '../errors';
import { MATCH_ALL } from '../events';
import type { HaGeneration } from '../generation';
import { all, coerce, entityIds, ofType, range } from '../schema';
import { eventMessage, resultMessage } from '../ws/messages';
import type { SimContext } from '../sim-context';
import type { SimConnection } from '../ws/connection';
import type { Command, CommandMessage } from './types';

/**
 * Events anyone may subscribe to; anything else needs an admin. SUBSCRIBE_ALLOWLIST in
 * `auth/permissions/events.py` of each release: 2026.2 adds the floor, label and category
 * registries (home-assistant/core#123267, 2024.8) and `labs_updated`.
 */
const ALLOWLIST_2024 = [
  'area_registry_updated',
  'component_loaded',
  'core_config_updated',
  'device_registry_updated',
  'entity_registry_updated',
  'lovelace_updated',
  'panels_updated',
  'recorder_5min_statistics_generated',
  'recorder_hourly_statistics_generated',
  'repairs_issue_registry_updated',
  'service_registered',
  'service_removed',
  'shopping_list_updated',
  'state_changed',
  'themes_updated',
];
const SUBSCRIBE_ALLOWLIST: Record<HaGeneration, ReadonlySet<string>> = {
  '2024.1': new Set(ALLOWLIST_2024),
  '2026.2': new Set([
    ...ALLOWLIST_2024,
    'category_registry_updated',
    'floor_registry_updated',
    'label_registry_updated',
    'labs_updated',
  ]),
};

/**
 * The result (null), then one event with every entity (`a`), then changes as they happen. An entity
 * must pass both `entity_ids` (an empty list filters nothing, as in Home Assistant) and the filter.
 */
function subscribeEntities(
  sim: SimContext,
  conn: SimConnection,
  msg: CommandMessage,
  filter: ((entityId: string) => boolean) | null,
): void {
  const ids = new Set((msg.entity_ids as string[] | undefined) ?? []);
  const wanted = (id: string) => (ids.size === 0 || ids.has(id)) && (!filter || filter(id));
  conn.reply(resultMessage(msg.id), () => {
    const batch = new EntityEventBatch(
      wanted,
      (event) => conn.send(eventMessage(msg.id, event)),
      () => conn.scheduleFlush(),
    );
    const stopChanges = sim.states.onChange((change) => batch.add(change));
    const stopPending = conn.addPending(() => batch.flush());
    conn.subscriptions.set(msg.id, {
      command: msg,
      end: () => {
        stopChanges();
        stopPending();
      },
    });
    const snapshot = Object.fromEntries(
      sim.states
        .all()
        .flatMap((s) => (wanted(s.entity_id) ? [[s.entity_id, compressState(s)]] : [])),
    );
    conn.send(eventMessage(msg.id, { a: snapshot }));
  });
}

export const subscriptionCommands: Command[] = [
  {
    type: 'subscribe_entities',
    generations: ['2024.1'],
    fields: [{ key: 'entity_ids', validate: entityIds }],
    handler: (sim, conn, msg) => subscribeEntities(sim, conn, msg, null),
  },
  {
    // 2024.9 on: `include` / `exclude` filters as well (`handle_subscribe_entities`,
    // websocket_api/commands.py; `INCLUDE_EXCLUDE_BASE_FILTER_SCHEMA`).
    type: 'subscribe_entities',
    generations: ['2026.2'],
    fields: [
      { key: 'entity_ids', validate: entityIds },
      {
        key: 'include',
        validate: filterPart,
        default: { domains: [], entity_globs: [], entities: [] },
      },
      {
        key: 'exclude',
        validate: filterPart,
        default: { domains: [], entity_globs: [], entities: [] },
      },
    ],
    handler: (sim, conn, msg) =>
      subscribeEntities(
        sim,
        conn,
        msg,
        entityFilter(msg.include as FilterPart, msg.exclude as FilterPart),
      ),
  },
  {
    type: 'subscribe_events',
    fields: [{ key: 'event_type', validate: ofType('str'), default: MATCH_ALL }],
    handler: (sim, conn, msg) => {
      const eventType = msg.event_type as string;
      if (!SUBSCRIBE_ALLOWLIST[sim.generation].has(eventType) && !conn.user?.isAdmin)
        throw new Unauthorized();
      conn.reply(resultMessage(msg.id), () =>
        conn.subscriptions.set(msg.id, {
          command: msg,
          end: sim.bus.listen(eventType, (event) => conn.send(eventMessage(msg.id, event))),
        }),
      );
    },
  },
  {
    type: 'unsubscribe_events',
    fields: [{ key: 'subscription', validate: all(coerce('int'), range(0, null)), required: true }],
    handler: (_sim, conn, msg) => {
      const subscription = conn.subscriptions.get(msg.subscription as number);
      if (!subscription) return conn.replyError(msg.id, 'not_found', 'Subscription not found.');
      subscription.end();
      conn.subscriptions.delete(msg.subscription as number);
      conn.reply(resultMessage(msg.id));
    },
  },
];
