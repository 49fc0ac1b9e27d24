import type { EntityFacts } from '../../shared/domains/domain';
import { domainModule } from '../../shared/domains/registry';
import { stateWord } from '../../shared/state-text';

/**
 * The default headline for a state change: the domain's own sentence where it has one (see
 * src/shared/domains/), e.g. "Front door opened", "Motion detected in Hallway", "Anna arrived
 * home"; else "Kitchen lights turned on" or "X changed to Y". `valueNote` follows a value:
 * "Living room temperature is 25.5 °C (above 25 °C)".
 */
export function defaultHeadline(
  facts: EntityFacts,
  oldState: string,
  state: string,
  valueNote?: string,
): string {
  const { name } = facts;
  if (state === 'unavailable') return `${name} became unavailable`;
  if (state === 'unknown') return `${name} changed to an unknown state`;
  const words = { state: stateWord(facts, state), note: valueNote ? ` (${valueNote})` : '' };
  const sentence = domainModule(facts.domain)?.headline?.(facts, oldState, state, words);
  if (sentence) return sentence;
  if (state === 'on' || state === 'off') return `${name} turned ${state}`;
  return `${name} changed to ${words.state}${words.note}`;
}
