import {
  mdiCheckboxBlankCircleOutline,
  mdiCheckboxMarkedCircle,
  mdiDoorClosed,
  mdiDoorOpen,
  mdiGarage,
  mdiGarageOpen,
  mdiHomeAccount,
  mdiHomeOutline,
  mdiMotionSensor,
  mdiMotionSensorOff,
  mdiPlay,
  mdiStop,
  mdiWindowClosed,
  mdiWindowOpen,
} from '@mdi/js';
import { defineDomain, type EntityFacts } from './domain';

/** on/off words by device class: Home Assistant's own English states, in sentence case. */
const WORDS: Record<string, [on: string, off: string]> = {
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

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

type Sentence = (name: string) => string;

/** Sensors whose "on" is something being detected somewhere: "Motion detected in Hall". */
const DETECTED_IN: Record<string, string> = {
  motion: 'Motion',
  occupancy: 'Occupancy',
  presence: 'Presence',
};

/** Sensors whose "on" is a device detecting something: "Smoke detected by Kitchen alarm". */
const DETECTED_BY: Record<string, string> = {
  carbon_monoxide: 'Carbon monoxide',
  gas: 'Gas',
  smoke: 'Smoke',
  sound: 'Sound',
  tamper: 'Tampering',
  vibration: 'Vibration',
};

const OPENED_CLOSED: [Sentence, Sentence] = [(n) => `${n} opened`, (n) => `${n} closed`];

/** Sentences for the other device classes: [on, off]. */
const SENTENCES: Record<string, [Sentence, Sentence]> = {
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

function headline(facts: EntityFacts, _old: string, state: string): string | undefined {
  const { name, deviceClass } = facts;
  if ((state !== 'on' && state !== 'off') || deviceClass === undefined) return undefined;
  const on = state === 'on';
  const inPlace = DETECTED_IN[deviceClass];
  if (inPlace) return `${inPlace} ${on ? 'detected' : 'cleared'} in ${name}`;
  const byDevice = DETECTED_BY[deviceClass];
  if (byDevice)
    return on ? `${byDevice} detected by ${name}` : `${name}: ${byDevice.toLowerCase()} cleared`;
  return SENTENCES[deviceClass]?.[on ? 0 : 1](name);
}

const ICONS: Record<string, [on: string, off: string]> = {
  door: [mdiDoorOpen, mdiDoorClosed],
  garage_door: [mdiGarageOpen, mdiGarage],
  window: [mdiWindowOpen, mdiWindowClosed],
  motion: [mdiMotionSensor, mdiMotionSensorOff],
  occupancy: [mdiHomeAccount, mdiHomeOutline],
  running: [mdiPlay, mdiStop],
};

export const binarySensor = defineDomain({
  domain: 'binary_sensor',
  tray: 'history',
  controls: () => [],
  stateWord: (state, deviceClass) => {
    const words = deviceClass === undefined ? undefined : WORDS[deviceClass];
    if (!words || (state !== 'on' && state !== 'off')) return undefined;
    return capitalised(words[state === 'on' ? 0 : 1]);
  },
  headline,
  ruleStates: ['on', 'off'],
  icon: (entity) => {
    const pair = ICONS[String(entity.attributes.device_class)] ?? [
      mdiCheckboxMarkedCircle,
      mdiCheckboxBlankCircleOutline,
    ];
    return pair[entity.state === 'on' ? 0 : 1];
  },
});
