import type { EntityView } from './entity-view';
import { domainOf } from './entity';

/** Home Assistant's own words for common states, per domain where they differ. */
const WORDS: Record<string, Record<string, string>> = {
  _: { on: 'On', off: 'Off', unavailable: 'Unavailable', unknown: 'Unknown' },
  lock: {
    locked: 'Locked',
    unlocked: 'Unlocked',
    locking: 'Locking',
    unlocking: 'Unlocking',
    jammed: 'Jammed',
    open: 'Open',
    opening: 'Opening',
  },
  cover: { open: 'Open', closed: 'Closed', opening: 'Opening', closing: 'Closing' },
  media_player: {
    playing: 'Playing',
    paused: 'Paused',
    idle: 'Idle',
    standby: 'Standby',
    buffering: 'Buffering',
  },
  climate: {
    heat: 'Heat',
    cool: 'Cool',
    auto: 'Auto',
    heat_cool: 'Heat/Cool',
    dry: 'Dry',
    fan_only: 'Fan only',
  },
  person: { home: 'Home', not_home: 'Away' },
  device_tracker: { home: 'Home', not_home: 'Away' },
  sun: { above_horizon: 'Above horizon', below_horizon: 'Below horizon' },
  automation: { on: 'On', off: 'Off' },
  binary_sensor: {},
};

/** binary_sensor on/off by device class, as Home Assistant shows them. */
const BINARY: Record<string, [on: string, off: string]> = {
  door: ['Open', 'Closed'],
  garage_door: ['Open', 'Closed'],
  window: ['Open', 'Closed'],
  opening: ['Open', 'Closed'],
  motion: ['Detected', 'Clear'],
  occupancy: ['Detected', 'Clear'],
  presence: ['Home', 'Away'],
  moisture: ['Wet', 'Dry'],
  smoke: ['Detected', 'Clear'],
  running: ['Running', 'Not running'],
  battery: ['Low', 'Normal'],
  connectivity: ['Connected', 'Disconnected'],
  lock: ['Unlocked', 'Locked'],
  plug: ['Plugged in', 'Unplugged'],
};

export function friendlyName(entity: Pick<EntityView, 'entity_id' | 'attributes'>): string {
  const name = entity.attributes.friendly_name;
  return typeof name === 'string' && name.trim() !== '' ? name : entity.entity_id;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The state as a person reads it: "On", "Locked", "21.5 °C", "Detected", "Unavailable". */
export function stateText(entity: EntityView): string {
  const domain = domainOf(entity.entity_id);
  const { state, attributes } = entity;
  if (state === 'unavailable' || state === 'unknown') return WORDS._![state]!;
  if (domain === 'binary_sensor') {
    const words = BINARY[String(attributes.device_class)] ?? ['On', 'Off'];
    return state === 'on' ? words[0] : state === 'off' ? words[1] : state;
  }
  if (
    (domain === 'scene' || domain === 'button' || domain === 'input_button') &&
    TIMESTAMP.test(state)
  ) {
    return `Last ${domain === 'scene' ? 'activated' : 'pressed'} ${new Date(state).toLocaleString()}`;
  }
  const unit = attributes.unit_of_measurement;
  if (typeof unit === 'string' && unit !== '') return `${state} ${unit}`;
  if (domain === 'climate' && typeof attributes.temperature === 'number') {
    return `${WORDS.climate![state] ?? state} ${attributes.temperature} °`;
  }
  return WORDS[domain]?.[state] ?? WORDS._![state] ?? state;
}
