import type { SimState } from '../../entities/state-machine';
import { all, anyValue, clamp, coerce, cvString, oneOf, range, type Field } from '../../schema';
import { writeState, type EntityService, type ServiceCall } from '../types';

const BRIGHTNESS = 'brightness';
const COLOR = 'Color descriptors';

/** LIGHT_TURN_ON_SCHEMA of HA 2024.1: brightness is clamped, brightness_pct must be 0-100. */
const TURN_ON_FIELDS: Field[] = [
  { key: 'transition', validate: all(coerce('float'), clamp(0, 6553)) },
  { key: 'profile', validate: cvString, exclusive: COLOR },
  { key: 'brightness', validate: all(coerce('int'), clamp(0, 255)), exclusive: BRIGHTNESS },
  { key: 'brightness_pct', validate: all(coerce('float'), range(0, 100)), exclusive: BRIGHTNESS },
  { key: 'brightness_step', validate: all(coerce('int'), clamp(-255, 255)), exclusive: BRIGHTNESS },
  {
    key: 'brightness_step_pct',
    validate: all(coerce('float'), clamp(-100, 100)),
    exclusive: BRIGHTNESS,
  },
  ...[
    'color_name',
    'color_temp',
    'kelvin',
    'hs_color',
    'rgb_color',
    'rgbw_color',
    'rgbww_color',
    'xy_color',
    'white',
  ].map((key): Field => ({ key, validate: anyValue, exclusive: COLOR })),
  { key: 'flash', validate: oneOf(['short', 'long']) },
  { key: 'effect', validate: cvString },
];

const TURN_OFF_FIELDS: Field[] = [
  { key: 'transition', validate: all(coerce('float'), clamp(0, 6553)) },
  { key: 'flash', validate: oneOf(['short', 'long']) },
];

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

const dimmable = (light: SimState) => {
  const modes = light.attributes.supported_color_modes;
  return Array.isArray(modes) && modes.some((m) => m !== 'onoff');
};

/**
 * Lights as light/__init__.py drives them: brightness_pct and brightness_step become a brightness,
 * brightness 0 turns the light off, an on/off light ignores brightness, and a dimmable light turned
 * on without a brightness comes back at its last one.
 */
export function lightServices(): Record<string, EntityService> {
  const lastBrightness = new Map<string, number>();

  function targetBrightness(light: SimState, data: Record<string, unknown>): number | undefined {
    if (typeof data.brightness_pct === 'number') return pyRound((data.brightness_pct * 255) / 100);
    if (typeof data.brightness === 'number') return data.brightness;
    const step =
      typeof data.brightness_step_pct === 'number'
        ? pyRound((data.brightness_step_pct * 255) / 100)
        : (data.brightness_step as number | undefined);
    if (step === undefined) return undefined;
    const current =
      light.state === 'on' && typeof light.attributes.brightness === 'number'
        ? light.attributes.brightness
        : 0;
    return Math.max(0, Math.min(255, current + step));
  }

  function turnOff(light: SimState, call: ServiceCall): void {
    if (typeof light.attributes.brightness === 'number')
      lastBrightness.set(light.entity_id, light.attributes.brightness);
    const attributes: Record<string, unknown> = { ...light.attributes, color_mode: null };
    if ('brightness' in attributes) attributes.brightness = null;
    writeState(call, light, 'off', attributes);
  }

  function turnOn(light: SimState, call: ServiceCall): void {
    const brightness = targetBrightness(light, call.data);
    if (brightness === 0) return turnOff(light, call);
    if (!dimmable(light))
      return writeState(call, light, 'on', { ...light.attributes, color_mode: 'onoff' });
    const current =
      typeof light.attributes.brightness === 'number' ? light.attributes.brightness : undefined;
    writeState(call, light, 'on', {
      ...light.attributes,
      color_mode: 'brightness',
      brightness: brightness ?? current ?? lastBrightness.get(light.entity_id) ?? 255,
    });
  }

  return {
    turn_on: {
      kind: 'entity',
      name: 'Turn on',
      description:
        'Turn on one or more lights and adjust properties of the light, even when they are turned on already.',
      fields: TURN_ON_FIELDS,
      run: turnOn,
    },
    turn_off: {
      kind: 'entity',
      name: 'Turn off',
      description: 'Turn off one or more lights.',
      fields: TURN_OFF_FIELDS,
      run: turnOff,
    },
    toggle: {
      kind: 'entity',
      name: 'Toggle',
      description:
        'Toggles one or more lights, from on to off, or, off to on, based on their current state.',
      fields: TURN_ON_FIELDS,
      run: (light, call) => (light.state === 'on' ? turnOff(light, call) : turnOn(light, call)),
    },
  };
}
