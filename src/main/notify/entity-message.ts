import { withHomeTemperatureUnit } from '../../shared/domains/climate';
import type { EntityFacts } from '../../shared/domains/domain';
import { domainModule } from '../../shared/domains/registry';
import type { MessagePlaceholder } from '../../shared/notification-rules';
import { watchedText, watchedValue } from '../../shared/numeric-value';
import { boundPassed } from '../../shared/rule-kinds/number-watch';
import { ruleKind } from '../../shared/rule-kinds/registry';
import { attributeName, entityFacts, formatValue, stateWord } from '../../shared/state-text';
import type { TemperatureUnit } from '../../shared/unit-system';
import { defaultHeadline } from './headline';
import { renderTemplate } from './message-template';
import type { RuleFiring } from './rules-engine';

/** A notification's text: the title says what happened, the body adds context. */
export interface NotificationText {
  title: string;
  body: string;
}

export const WHILE_DISCONNECTED_NOTE = 'Happened while HA Tray was disconnected.';

/**
 * What the message is about: the state, or for a rule on a number (src/shared/rule-kinds/
 * number-watch.ts) that value and the bound it is past ("above 25 °C"), also the {threshold}.
 * `temperatureUnit`: the home's (see src/main/ha/home-unit-system.ts), undefined while not known.
 */
function subject(
  firing: RuleFiring,
  temperatureUnit: TemperatureUnit | undefined,
): { facts: EntityFacts; state: string; bound?: { direction: string; value: string } } {
  const { rule, current } = firing;
  const facts = entityFacts(current);
  const watched = ruleKind(rule.kind).watchedNumber?.(rule);
  if (!watched) return { facts, state: current.state };
  const { attribute } = watched;
  // An attribute has no unit in Home Assistant's state: its domain may know it (a thermostat's
  // temperatures are in the home's unit); it reads like a sensor.
  const watchedFacts: EntityFacts =
    attribute === undefined
      ? facts
      : {
          domain: 'sensor',
          deviceClass: undefined,
          unit: domainModule(facts.domain)?.attributeUnit?.(
            withHomeTemperatureUnit(current, temperatureUnit),
            attribute,
          ),
          name: `${facts.name} ${attributeName(facts.domain, attribute).toLowerCase()}`,
        };
  const bound = boundPassed(watched, watchedValue(watched, current));
  return {
    facts: watchedFacts,
    state: watchedText(watched, current),
    bound: {
      direction: bound.direction,
      value: formatValue(String(bound.threshold), watchedFacts.unit),
    },
  };
}

/**
 * The notification for a rule that fired: the rule's own message or the default headline for
 * the domain and device class as the title; the previous state (and, for a change found after a
 * reconnect, that it happened while disconnected) as the body.
 */
export function entityMessage(
  firing: RuleFiring,
  temperatureUnit?: TemperatureUnit,
): NotificationText {
  const { rule, oldState, whileDisconnected } = firing;
  const { facts, state, bound } = subject(firing, temperatureUnit);
  const values: Record<MessagePlaceholder, string> = {
    name: facts.name,
    state: stateWord(facts, state),
    old_state: stateWord(facts, oldState),
    unit: facts.unit ?? '',
    threshold: bound?.value ?? '',
    entity_id: firing.current.entity_id,
  };
  const title =
    rule.message !== undefined
      ? renderTemplate(rule.message, values)
      : defaultHeadline(facts, oldState, state, bound && `${bound.direction} ${bound.value}`);
  const body = [
    whileDisconnected ? WHILE_DISCONNECTED_NOTE : '',
    oldState !== state ? `Previously ${values.old_state}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { title, body };
}
