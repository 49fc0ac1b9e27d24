import type { SimState } from '../../entities/state-machine';
import { ServiceValidationError, translatedMessage } from '../../errors';
import type { HaGeneration } from '../../generation';
import { pyRepr } from '../../py-repr';
import { all, coerce, cvBoolean, cvString, range, type Field } from '../../schema';
import { writeState, type EntityService, type ServiceCall } from '../types';

/** FanEntityFeature. */
const SET_SPEED = 1;
const OSCILLATE = 2;
const DIRECTION = 4;
const PRESET_MODE = 8;

const percentage = all(coerce('int'), range(0, 100));

/**
 * Since HA 2024.1 an unknown preset mode is a ServiceValidationError (core PR #104560). 2024.1
 * words it itself; 2026.2 raises `NotValidPresetModeError` with only its translation
 * (components/fan/__init__.py), so the message is the template of components/fan/strings.json.
 */
function validPresetOrRaise(generation: HaGeneration, fan: SimState, preset: string): void {
  const modes = Array.isArray(fan.attributes.preset_modes)
    ? (fan.attributes.preset_modes as string[])
    : [];
  if (modes.includes(preset)) return;
  const placeholders = { preset_mode: preset, preset_modes: modes.join(', ') };
  throw new ServiceValidationError(
    generation === '2024.1'
      ? `The preset_mode ${preset} is not a valid preset_mode: ${pyRepr(modes)}`
      : translatedMessage(
          'Preset mode {preset_mode} is not valid, valid preset modes are: {preset_modes}.',
          placeholders,
        ),
    {
      translation_key: 'not_valid_preset_mode',
      translation_domain: 'fan',
      translation_placeholders: placeholders,
    },
  );
}

const entityService = (
  name: string,
  description: string,
  fields: Field[],
  run: EntityService['run'],
  requiredFeatures?: number[],
): EntityService => ({ kind: 'entity', name, description, fields, run, requiredFeatures });

/** Fans as the demo fan behaves: a percentage (0 is off) or a preset mode. */
export function fanServices(generation: HaGeneration): Record<string, EntityService> {
  const lastPercentage = new Map<string, number>();

  function setPercentage(fan: SimState, call: ServiceCall, value: number): void {
    if (value > 0) lastPercentage.set(fan.entity_id, value);
    writeState(call, fan, value > 0 ? 'on' : 'off', {
      ...fan.attributes,
      percentage: value,
      preset_mode: null,
    });
  }

  function setPreset(fan: SimState, call: ServiceCall, preset: string): void {
    validPresetOrRaise(generation, fan, preset);
    writeState(call, fan, 'on', { ...fan.attributes, percentage: null, preset_mode: preset });
  }

  function turnOn(fan: SimState, call: ServiceCall): void {
    if (typeof call.data.preset_mode === 'string')
      return setPreset(fan, call, call.data.preset_mode);
    const wanted = call.data.percentage as number | undefined;
    setPercentage(fan, call, wanted ?? lastPercentage.get(fan.entity_id) ?? 67);
  }

  const turnOff = (fan: SimState, call: ServiceCall) => setPercentage(fan, call, 0);

  const step = (fan: SimState, call: ServiceCall, sign: 1 | -1) => {
    const current = typeof fan.attributes.percentage === 'number' ? fan.attributes.percentage : 0;
    const size =
      (call.data.percentage_step as number | undefined) ??
      Number(fan.attributes.percentage_step ?? 33);
    setPercentage(fan, call, Math.round(Math.max(0, Math.min(100, current + sign * size))));
  };

  return {
    turn_on: entityService(
      'Turn on',
      'Turns fan on.',
      [
        { key: 'percentage', validate: percentage },
        { key: 'preset_mode', validate: cvString },
      ],
      turnOn,
    ),
    turn_off: entityService('Turn off', 'Turns fan off.', [], turnOff),
    toggle: entityService('Toggle', 'Toggles the fan on/off.', [], (fan, call) =>
      fan.state === 'on' ? turnOff(fan, call) : turnOn(fan, call),
    ),
    set_percentage: entityService(
      'Set speed',
      'Sets the fan speed.',
      [{ key: 'percentage', validate: percentage, required: true }],
      (fan, call) => setPercentage(fan, call, call.data.percentage as number),
      [SET_SPEED],
    ),
    increase_speed: entityService(
      'Increase speed',
      'Increases the speed of the fan.',
      [{ key: 'percentage_step', validate: percentage }],
      (fan, call) => step(fan, call, 1),
      [SET_SPEED],
    ),
    decrease_speed: entityService(
      'Decrease speed',
      'Decreases the speed of the fan.',
      [{ key: 'percentage_step', validate: percentage }],
      (fan, call) => step(fan, call, -1),
      [SET_SPEED],
    ),
    set_preset_mode: entityService(
      'Set preset mode',
      'Sets preset mode.',
      [{ key: 'preset_mode', validate: cvString, required: true }],
      (fan, call) => setPreset(fan, call, call.data.preset_mode as string),
      [PRESET_MODE],
    ),
    oscillate: entityService(
      'Oscillate',
      'Controls oscillatation of the fan.',
      [{ key: 'oscillating', validate: cvBoolean, required: true }],
      (fan, call) =>
        writeState(call, fan, fan.state, { ...fan.attributes, oscillating: call.data.oscillating }),
      [OSCILLATE],
    ),
    set_direction: entityService(
      'Set direction',
      'Sets the fan rotation direction.',
      [{ key: 'direction', validate: cvString, required: true }],
      (fan, call) =>
        writeState(call, fan, fan.state, { ...fan.attributes, direction: call.data.direction }),
      [DIRECTION],
    ),
  };
}
