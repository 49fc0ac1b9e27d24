import type { EntityState } from '../../shared/entity';
import type { NotificationRule } from '../../shared/notification-rules';
import type { NotificationText } from './entity-message';
import { entityMessage } from './entity-message';
import { watchedText } from './numeric-value';

/** A value just past the threshold, so the preview reads like a real crossing. */
function pastThreshold(rule: Extract<NotificationRule, { kind: 'threshold' }>): string {
  const step = Math.max(rule.hysteresis, 1);
  return String(rule.direction === 'above' ? rule.threshold + step : rule.threshold - step);
}

/**
 * The text a rule would show for `entity` (its current state and attributes), for the settings
 * page's preview and its "Send test notification": the rule's own target state stands in for
 * the change.
 */
export function previewMessage(rule: NotificationRule, entity: EntityState): NotificationText {
  switch (rule.kind) {
    case 'any_change':
      return entityMessage({
        rule,
        oldState: entity.state,
        current: entity,
        whileDisconnected: false,
      });
    case 'becomes':
      return entityMessage({
        rule,
        oldState: entity.state,
        current: { ...entity, state: rule.states[0] ?? entity.state },
        whileDisconnected: false,
      });
    case 'transition':
      return entityMessage({
        rule,
        oldState: rule.from,
        current: { ...entity, state: rule.to },
        whileDisconnected: false,
      });
    case 'threshold': {
      const value = pastThreshold(rule);
      const current =
        rule.attribute === undefined
          ? { ...entity, state: value }
          : { ...entity, attributes: { ...entity.attributes, [rule.attribute]: Number(value) } };
      return entityMessage({
        rule,
        oldState: watchedText(rule, entity),
        current,
        whileDisconnected: false,
      });
    }
  }
}
