import type { EntityState } from '../../../src/shared/entity';
import type { NotificationRule } from '../../../src/shared/notification-rules';

/** An entity state as the store holds it; times default to `at` (epoch ms). */
export function state(
  entityId: string,
  value: string,
  attributes: Record<string, unknown> = {},
  at = 0,
  updatedAt = at,
): EntityState {
  return {
    entity_id: entityId,
    state: value,
    attributes,
    last_changed: new Date(at).toISOString(),
    last_updated: new Date(updatedAt).toISOString(),
    context: { id: `ctx-${entityId}-${at}`, parent_id: null, user_id: null },
  };
}

type RuleFields<K extends NotificationRule['kind']> = Omit<
  Extract<NotificationRule, { kind: K }>,
  'id' | 'enabled' | 'cooldownSeconds' | 'kind'
> &
  Partial<Pick<NotificationRule, 'id' | 'enabled' | 'cooldownSeconds'>>;

let counter = 0;

/** A valid rule with an id, enabled and no cooldown unless the fields say otherwise. */
export function rule<K extends NotificationRule['kind']>(
  kind: K,
  fields: RuleFields<K>,
): Extract<NotificationRule, { kind: K }> {
  return {
    id: `rule-${++counter}`,
    enabled: true,
    cooldownSeconds: 0,
    kind,
    ...fields,
  } as Extract<NotificationRule, { kind: K }>;
}
