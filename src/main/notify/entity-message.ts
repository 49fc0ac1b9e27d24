import type { MessagePlaceholder } from '../../shared/notification-rules';
import { defaultHeadline } from './headline';
import { renderTemplate } from './message-template';
import { watchedText } from './numeric-value';
import type { RuleFiring } from './rules-engine';
import type { EntityFacts } from '../../shared/domains/domain';
import { entityFacts, formatValue, stateWord } from './state-words';

/** A notification's text: the title says what happened, the body adds context. */
export interface NotificationText {
  title: string;
  body: string;
}

export const WHILE_DISCONNECTED_NOTE = 'Happened while HA Tray was disconnected.';

/** What the message is about: the state, or for a threshold rule on an attribute, that value. */
function subject(firing: RuleFiring): { facts: EntityFacts; state: string; valueNote?: string } {
  const { rule, current } = firing;
  const facts = entityFacts(current);
  if (rule.kind !== 'threshold') return { facts, state: current.state };
  // An attribute has no unit of its own in Home Assistant's state; it reads like a sensor.
  const watched: EntityFacts =
    rule.attribute === undefined
      ? facts
      : {
          domain: 'sensor',
          deviceClass: undefined,
          unit: undefined,
          name: `${facts.name} ${rule.attribute.replaceAll('_', ' ')}`,
        };
  return {
    facts: watched,
    state: watchedText(rule, current),
    valueNote: `${rule.direction} ${formatValue(String(rule.threshold), watched.unit)}`,
  };
}

/**
 * The notification for a rule that fired: the rule's own message or the default headline for
 * the domain and device class as the title; the previous state (and, for a change found after a
 * reconnect, that it happened while disconnected) as the body.
 */
export function entityMessage(firing: RuleFiring): NotificationText {
  const { rule, oldState, whileDisconnected } = firing;
  const { facts, state, valueNote } = subject(firing);
  const values: Record<MessagePlaceholder, string> = {
    name: facts.name,
    state: stateWord(facts, state),
    old_state: stateWord(facts, oldState),
    unit: facts.unit ?? '',
    threshold: rule.kind === 'threshold' ? formatValue(String(rule.threshold), facts.unit) : '',
    entity_id: firing.current.entity_id,
  };
  const title =
    rule.message !== undefined
      ? renderTemplate(rule.message, values)
      : defaultHeadline(facts, oldState, state, valueNote);
  const body = [
    whileDisconnected ? WHILE_DISCONNECTED_NOTE : '',
    oldState !== state ? `Previously ${values.old_state}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { title, body };
}
