import type { EntityState } from '../../shared/entity';
import { domainOf } from '../../shared/entity';
import { toNumber } from './numeric-value';

/** The facts about an entity that decide how its states read. */
export interface EntityFacts {
  domain: string;
  deviceClass: string | undefined;
  unit: string | undefined;
  name: string;
}

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

/** on/off words of binary sensors, by device class (Home Assistant's own English states). */
const BINARY_WORDS: Record<string, [on: string, off: string]> = {
  battery: ['low', 'normal'],
  battery_charging: ['charging', 'not charging'],
  carbon_monoxide: ['detected', 'clear'],
  cold: ['cold', 'normal'],
  connectivity: ['connected', 'disconnected'],
  door: ['open', 'closed'],
  garage_door: ['open', 'closed'],
  gas: ['detected', 'clear'],
  heat: ['hot', 'normal'],
  light: ['light detected', 'no light'],
  lock: ['unlocked', 'locked'],
  moisture: ['wet', 'dry'],
  motion: ['detected', 'clear'],
  moving: ['moving', 'not moving'],
  occupancy: ['detected', 'clear'],
  opening: ['open', 'closed'],
  plug: ['plugged in', 'unplugged'],
  power: ['power detected', 'no power'],
  presence: ['home', 'away'],
  problem: ['problem', 'OK'],
  running: ['running', 'not running'],
  safety: ['unsafe', 'safe'],
  smoke: ['detected', 'clear'],
  sound: ['detected', 'clear'],
  tamper: ['tampering detected', 'clear'],
  update: ['update available', 'up to date'],
  vibration: ['detected', 'clear'],
  window: ['open', 'closed'],
};

/** How a state reads in a sentence: "open", "away", "25.5 °C", "heat cool". */
export function stateWord(facts: EntityFacts, state: string): string {
  if (facts.domain === 'binary_sensor' && (state === 'on' || state === 'off')) {
    const words = facts.deviceClass === undefined ? undefined : BINARY_WORDS[facts.deviceClass];
    if (words) return state === 'on' ? words[0] : words[1];
  }
  if ((facts.domain === 'person' || facts.domain === 'device_tracker') && state === 'not_home')
    return 'away';
  if (toNumber(state) !== undefined) return formatValue(state, facts.unit);
  return state.replaceAll('_', ' ');
}
