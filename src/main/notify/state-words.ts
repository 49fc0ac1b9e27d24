import type { EntityFacts } from '../../shared/domains/domain';
import type { EntityState } from '../../shared/entity';
import { domainOf } from '../../shared/entity';
import { stateDisplayWord } from '../../shared/state-text';
import { toNumber } from '../../shared/numeric-value';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export function entityFacts(entity: EntityState): EntityFacts {
  return {
    domain: domainOf(entity.entity_id),
    deviceClass: text(entity.attributes.device_class),
    unit: text(entity.attributes.unit_of_measurement),
    name: text(entity.attributes.friendly_name) ?? entity.entity_id,
  };
}

/** "25.5 °C", "45%": Home Assistant's English frontend puts no space before "%" and a bare "°". */
export function formatValue(value: string, unit: string | undefined): string {
  if (unit === undefined) return value;
  return unit === '%' || unit === '°' ? `${value}${unit}` : `${value} ${unit}`;
}

/**
 * How a state reads in a sentence: the word the panel shows, in lower case ("open", "away",
 * "heat/cool"; "OK" stays), a number with its unit ("25.5 °C"), else the state without
 * underscores.
 */
export function stateWord(facts: EntityFacts, state: string): string {
  if (toNumber(state) !== undefined) return formatValue(state, facts.unit);
  const word = stateDisplayWord(facts.domain, state, facts.deviceClass);
  if (word === undefined) return state.replaceAll('_', ' ');
  return word === word.toUpperCase() ? word : word.toLowerCase();
}
