import { EntityEventBatch } from '../entities/entity-events';
import { compressState } from '../entities/serialise';
import { Unauthorized } from '../errors';
import { MATCH_ALL } from '../events';
import { all, coerce, entityIds, ofType, range } from '../schema';
import { eventMessage, resultMessage } from '../ws/messages';
import type { Command } from './types';

/** Events anyone may subscribe to (websocket_api/permissions.py); anything else needs an admin. */
const SUBSCRIBE_ALLOWLIST = new Set([
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
]);

export const subscriptionCommands: Command[] = [
  {
    // The result (null), then one event with every entity (`a`), then changes as they happen.
    type: 'subscribe_entities',
    fields: [{ key: 'entity_ids', validate: entityIds }],
    handler: (sim, conn, msg) => {
      const filter = new Set((msg.entity_ids as string[] | undefined) ?? []);
      // An empty list filters nothing, as in Home Assistant.
      const wanted = (id: string) => filter.size === 0 || filter.has(id);
      conn.reply(resultMessage(msg.id), () => {
        const batch = new EntityEventBatch(
          wanted,
          (event) => conn.send(eventMessage(msg.id, event)),
          () => conn.scheduleFlush(),
        );
        const stopChanges = sim.states.onChange((change) => batch.add(change));
        const stopPending = conn.addPending(() => batch.flush());
        conn.subscriptions.set(msg.id, () => {
          stopChanges();
          stopPending();
        });
        const snapshot = Object.fromEntries(
          sim.states
            .all()
            .flatMap((s) => (wanted(s.entity_id) ? [[s.entity_id, compressState(s)]] : [])),
        );
        conn.send(eventMessage(msg.id, { a: snapshot }));
      });
    },
  },
  {
    type: 'subscribe_events',
    fields: [{ key: 'event_type', validate: ofType('str'), default: MATCH_ALL }],
    handler: (sim, conn, msg) => {
      const eventType = msg.event_type as string;
      if (!SUBSCRIBE_ALLOWLIST.has(eventType) && !conn.user?.isAdmin) throw new Unauthorized();
      conn.reply(resultMessage(msg.id), () =>
        conn.subscriptions.set(
          msg.id,
          sim.bus.listen(eventType, (event) => conn.send(eventMessage(msg.id, event))),
        ),
      );
    },
  },
  {
    type: 'unsubscribe_events',
    fields: [{ key: 'subscription', validate: all(coerce('int'), range(0, null)), required: true }],
    handler: (_sim, conn, msg) => {
      const unsubscribe = conn.subscriptions.get(msg.subscription as number);
      if (!unsubscribe) return conn.replyError(msg.id, 'not_found', 'Subscription not found.');
      unsubscribe();
      conn.subscriptions.delete(msg.subscription as number);
      conn.reply(resultMessage(msg.id));
    },
  },
];
