import { domainModule } from './domains/registry';
import { domainOf } from './entity';
import type { EntityView } from './entity-view';

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

const deviceClassOf = (attributes: Record<string, unknown>) =>
  typeof attributes.device_class === 'string' ? attributes.device_class : undefined;

/**
 * Home Assistant's English word for a state of a domain, as its UI shows it ("Locked",
 * "Detected", "Away"), or undefined when there is none (the raw state is shown then).
 */
export function stateDisplayWord(
  domain: string,
  state: string,
  deviceClass: string | undefined,
): string | undefined {
  const word = domainModule(domain)?.stateWord?.(state, deviceClass);
  if (typeof word === 'string') return word;
  return Object.hasOwn(COMMON, state) ? COMMON[state] : undefined;
}

/** The state as a person reads it: "On", "Locked", "21.5 °C", "Detected", "Unavailable". */
export function stateText(entity: EntityView): string {
  const { state, attributes } = entity;
  const domain = domainOf(entity.entity_id);
  const module = domainModule(domain);
  // Things that run (scenes, buttons) are "unknown" until their first run: they say so their way.
  const runs = module?.tray === 'run';
  if (state === 'unavailable' || (state === 'unknown' && !runs)) return COMMON[state]!;
  const special = module?.stateText?.(entity);
  if (special !== undefined) return special;
  const word = stateDisplayWord(domain, state, deviceClassOf(attributes));
  const unit = attributes.unit_of_measurement;
  if (word === undefined && typeof unit === 'string' && unit !== '') return `${state} ${unit}`;
  return word ?? state;
}
