import type { EntityState } from '../../shared/entity';
import type { NotificationRule } from '../../shared/notification-rules';
import { ruleKind } from '../../shared/rule-kinds/registry';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { NotificationText } from './entity-message';
import { entityMessage } from './entity-message';

/**
 * The text a rule would show for `entity` (its current state and attributes), for the settings
 * page's preview and its "Send test notification": the rule's own target state stands in for
 * the change (see src/shared/rule-kinds/).
 */
export function previewMessage(
  rule: NotificationRule,
  entity: EntityState,
  temperatureUnit?: TemperatureUnit,
): NotificationText {
  return entityMessage(
    { rule, ...ruleKind(rule.kind).preview(rule, entity), whileDisconnected: false },
    temperatureUnit,
  );
}
