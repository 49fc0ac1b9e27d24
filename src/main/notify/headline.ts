import type { EntityFacts } from './state-words';
import { stateWord } from './state-words';

type OnOff = (name: string) => string;

/** Binary sensors whose "on" is something being detected somewhere: "Motion detected in Hall". */
const DETECTED_IN: Record<string, string> = {
  motion: 'Motion',
  occupancy: 'Occupancy',
  presence: 'Presence',
};

/** Binary sensors whose "on" is a device detecting something: "Smoke detected by Kitchen alarm". */
const DETECTED_BY: Record<string, string> = {
  carbon_monoxide: 'Carbon monoxide',
  gas: 'Gas',
  smoke: 'Smoke',
  sound: 'Sound',
  tamper: 'Tampering',
  vibration: 'Vibration',
};

const OPENED_CLOSED: [OnOff, OnOff] = [(n) => `${n} opened`, (n) => `${n} closed`];

/** Sentences for the other binary sensor device classes: [on, off]. */
const BINARY_SENTENCES: Record<string, [OnOff, OnOff]> = {
  door: OPENED_CLOSED,
  garage_door: OPENED_CLOSED,
  window: OPENED_CLOSED,
  opening: OPENED_CLOSED,
  battery: [(n) => `${n}: battery low`, (n) => `${n}: battery normal`],
  battery_charging: [(n) => `${n} started charging`, (n) => `${n} stopped charging`],
  cold: [(n) => `${n} is cold`, (n) => `${n} is no longer cold`],
  connectivity: [(n) => `${n} connected`, (n) => `${n} disconnected`],
  heat: [(n) => `${n} is hot`, (n) => `${n} is no longer hot`],
  light: [(n) => `${n} detected light`, (n) => `${n} no longer detects light`],
  lock: [(n) => `${n} unlocked`, (n) => `${n} locked`],
  moisture: [(n) => `${n} detected water`, (n) => `${n} is dry`],
  moving: [(n) => `${n} started moving`, (n) => `${n} stopped moving`],
  plug: [(n) => `${n} plugged in`, (n) => `${n} unplugged`],
  power: [(n) => `${n}: power detected`, (n) => `${n}: no power`],
  problem: [(n) => `${n} reports a problem`, (n) => `${n} is OK again`],
  running: [(n) => `${n} started`, (n) => `${n} stopped`],
  safety: [(n) => `${n} is unsafe`, (n) => `${n} is safe again`],
  update: [(n) => `${n}: update available`, (n) => `${n} is up to date`],
};

function binarySensor(facts: EntityFacts, on: boolean): string | undefined {
  const { name, deviceClass } = facts;
  if (deviceClass === undefined) return undefined;
  const inPlace = DETECTED_IN[deviceClass];
  if (inPlace) return `${inPlace} ${on ? 'detected' : 'cleared'} in ${name}`;
  const byDevice = DETECTED_BY[deviceClass];
  if (byDevice)
    return on ? `${byDevice} detected by ${name}` : `${name}: ${byDevice.toLowerCase()} cleared`;
  const sentences = BINARY_SENTENCES[deviceClass];
  return sentences ? sentences[on ? 0 : 1](name) : undefined;
}

/** Locks and covers (and valves) share open/close/moving words. */
const OPENABLE: Record<string, OnOff> = {
  locked: (n) => `${n} locked`,
  unlocked: (n) => `${n} unlocked`,
  jammed: (n) => `${n} is jammed`,
  locking: (n) => `${n} is locking`,
  unlocking: (n) => `${n} is unlocking`,
  open: (n) => `${n} opened`,
  opening: (n) => `${n} is opening`,
  closed: (n) => `${n} closed`,
  closing: (n) => `${n} is closing`,
};

function whereabouts(name: string, oldState: string, state: string): string {
  if (state === 'home') return `${name} arrived home`;
  if (state !== 'not_home') return `${name} arrived at ${state}`;
  const leftZone = oldState !== 'home' && oldState !== 'unavailable' && oldState !== 'unknown';
  return leftZone ? `${name} left ${oldState}` : `${name} left home`;
}

function alarmPanel(name: string, state: string): string | undefined {
  if (state.startsWith('armed_'))
    return `${name} armed (${state.slice('armed_'.length).replaceAll('_', ' ')})`;
  const sentences: Record<string, string> = {
    disarmed: `${name} disarmed`,
    triggered: `${name} was triggered`,
    arming: `${name} is arming`,
    pending: `${name} is about to trigger`,
  };
  return sentences[state];
}

/**
 * The default headline for a state change, per domain and device class: "Front door opened",
 * "Motion detected in Hallway", "Anna arrived home", "Kitchen lights turned on".
 * `valueNote` follows a value: "Living room temperature is 25.5 °C (above 25 °C)".
 */
export function defaultHeadline(
  facts: EntityFacts,
  oldState: string,
  state: string,
  valueNote?: string,
): string {
  const { name, domain } = facts;
  if (state === 'unavailable') return `${name} became unavailable`;
  if (state === 'unknown') return `${name} changed to an unknown state`;
  const note = valueNote ? ` (${valueNote})` : '';
  let sentence: string | undefined;
  switch (domain) {
    case 'binary_sensor':
      if (state === 'on' || state === 'off') sentence = binarySensor(facts, state === 'on');
      break;
    case 'lock':
    case 'cover':
    case 'valve':
      sentence = OPENABLE[state]?.(name);
      break;
    case 'person':
    case 'device_tracker':
      sentence = whereabouts(name, oldState, state);
      break;
    case 'alarm_control_panel':
      sentence = alarmPanel(name, state);
      break;
    case 'sensor':
    case 'number':
    case 'input_number':
      sentence = `${name} is ${stateWord(facts, state)}${note}`;
      break;
  }
  if (sentence) return sentence;
  if (state === 'on' || state === 'off') return `${name} turned ${state}`;
  return `${name} changed to ${stateWord(facts, state)}${note}`;
}
