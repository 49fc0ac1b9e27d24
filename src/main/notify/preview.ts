import type { EntityState } from '../../shared/entity';
import type { NotificationRule } from '../../shared/notification-rules';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { NotificationText } from './entity-message';
import { entityMessage } from './entity-message';
import type { RuleCheck } from './rule-kinds/rule-check';
import { ruleCheck } from './rule-kinds/registry';

/**
 * The text a rule would show for `entity` (its current state and attributes), for the settings
 * page's preview and its "Send test notification": the rule's own target state stands in for
 * the change (see src/main/notify/rule-kinds/).
 */
export function previewMessage(
  rule: NotificationRule,
  entity: EntityState,
  temperatureUnit?: TemperatureUnit,
): NotificationText {
  const check = ruleCheck(rule.kind) as RuleCheck<NotificationRule['kind']>;
  return entityMessage(
    { rule, ...check.preview(rule, entity), whileDisconnected: false },
    temperatureUnit,
  );
}
