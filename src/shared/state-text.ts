import type { EntityFacts } from './domains/domain';
import { domainModule } from './domains/registry';
import { domainOf } from './entity';
import type { EntityView } from './entity-view';
import { toNumber } from './numeric-value';

/**
 * The one place that turns a state into words for a given entity: the panel, the tray, the rule
 * editor's choices and descriptions, the preview and the notifications all read them here.
 */

/** Words for states every domain shares. */
const COMMON: Readonly<Record<string, string>> = {
  on: 'On',
  off: 'Off',
  unavailable: 'Unavailable',
  unknown: 'Unknown',
};

export function friendlyName(entity: Pick<EntityView, 'entity_id' | 'attributes'>): string {
  const name = entity.attributes.friendly_name;
  return typeof name === 'string' && name.trim() !== '' ? name : entity.entity_id;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** What decides how the entity's states read: its domain, device class, unit and name. */
export function entityFacts(entity: Pick<EntityView, 'entity_id' | 'attributes'>): EntityFacts {
  return {
    domain: domainOf(entity.entity_id),
    deviceClass: text(entity.attributes.device_class),
    unit: text(entity.attributes.unit_of_measurement),
    name: friendlyName(entity),
  };
}

/** "25.5 °C", "45%": Home Assistant's English frontend puts no space before "%" and a bare "°". */
export function formatValue(value: string, unit: string | undefined): string {
  if (unit === undefined) return value;
  return unit === '%' || unit === '°' ? `${value}${unit}` : `${value} ${unit}`;
}

/**
 * Home Assistant's English word for a state of the entity, as its frontend shows it ("Open" and
 * "Closed" for a door, "Detected" for motion, "Locked", "Away", "On"), or undefined when it has
 * none.
 */
function translated(facts: EntityFacts, state: string): string | undefined {
  const word = domainModule(facts.domain)?.stateWord?.(state, facts.deviceClass);
  if (typeof word === 'string') return word;
  return Object.hasOwn(COMMON, state) ? COMMON[state] : undefined;
}

/**
 * A state of the entity as a choice or a value reads: "Open", "On", "21.5 °C", "Unavailable";
 * a state Home Assistant has no word for stays as it is, without underscores.
 */
export function stateLabel(facts: EntityFacts, state: string): string {
  if (toNumber(state) !== undefined) return formatValue(state, facts.unit);
  return translated(facts, state) ?? state.replaceAll('_', ' ');
}

/**
 * A state of the entity in a sentence ("Front door is open", "Previously away"): the word in lower
 * case ("heat/cool"; "OK" stays), a number with its unit, or the state without underscores.
 */
export function stateWord(facts: EntityFacts, state: string): string {
  const word = toNumber(state) === undefined ? translated(facts, state) : undefined;
  if (word === undefined) return stateLabel(facts, state);
  return word === word.toUpperCase() ? word : word.toLowerCase();
}

/** The state as a person reads it: "On", "Locked", "21.5 °C", "Detected", "Unavailable". */
export function stateText(entity: EntityView): string {
  const { state } = entity;
  const module = domainModule(domainOf(entity.entity_id));
  // Things that run (scenes, buttons) are "unknown" until their first run: they say so their way.
  const runs = module?.tray === 'run';
  if (state === 'unavailable' || (state === 'unknown' && !runs)) return COMMON[state]!;
  return module?.stateText?.(entity) ?? stateLabel(entityFacts(entity), state);
}

/**
 * An attribute's name as Home Assistant's English frontend shows it: the domain's own where it has
 * one (a thermostat's "temperature" is its "Target temperature"), else the key in words.
 */
export function attributeName(domain: string, attribute: string): string {
  const own = domainModule(domain)?.attributeNames?.[attribute];
  if (own !== undefined) return own;
  const words = attribute.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
