import type { SimState } from '../../entities/state-machine';
import { ServiceValidationError, translatedMessage } from '../../errors';
import type { HaGeneration } from '../../generation';
import { Invalid, coerce, coerceEnum } from '../../schema';
import { writeState, type EntityService, type ServiceCall } from '../types';

/** ClimateEntityFeature. */
const TARGET_TEMPERATURE = 1;
const TARGET_TEMPERATURE_RANGE = 2;

const HVAC_MODES = ['off', 'heat', 'cool', 'heat_cool', 'auto', 'dry', 'fan_only'];
const hvacMode = coerceEnum('HVACMode', HVAC_MODES);
const TEMPERATURE_KEYS = ['temperature', 'target_temp_high', 'target_temp_low'];

/** Python's `str()` of a float, as climate's messages print temperatures ("7.0"). */
const pyFloat = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/**
 * 2026.2 (`ClimateEntity._valid_mode_or_raise`, components/climate/__init__.py): the mode must be
 * one the entity offers. HA 2024.1 checks it against HVACMode only.
 */
function checkMode(climate: SimState, mode: string): void {
  const offered = modes(climate);
  if (offered.includes(mode)) return;
  const placeholders = { mode, modes: offered.join(', ') };
  throw new ServiceValidationError(
    // components/climate/strings.json; raised without a message, so the template's dot goes
    translatedMessage(
      'HVAC mode {mode} is not valid. Valid HVAC modes are: {modes}.',
      placeholders,
    ),
    {
      translation_domain: 'climate',
      translation_key: 'not_valid_hvac_mode',
      translation_placeholders: placeholders,
    },
  );
}

/**
 * 2026.2 (`async_service_temperature_set`, components/climate/__init__.py): every temperature must
 * lie within the entity's min_temp and max_temp. HA 2024.1 passes any value to the entity.
 */
function checkTemperatures(climate: SimState, data: Record<string, unknown>): void {
  const min = Number(climate.attributes.min_temp ?? 7);
  const max = Number(climate.attributes.max_temp ?? 35);
  for (const key of TEMPERATURE_KEYS) {
    const value = data[key];
    if (typeof value !== 'number' || (value >= min && value <= max)) continue;
    const placeholders = {
      check_temp: pyFloat(value),
      min_temp: pyFloat(min),
      max_temp: pyFloat(max),
    };
    throw new ServiceValidationError(
      translatedMessage(
        'Provided temperature {check_temp} is not valid. Accepted range is {min_temp} to {max_temp}.',
        placeholders,
      ),
      {
        translation_domain: 'climate',
        translation_key: 'temp_out_of_range',
        translation_placeholders: placeholders,
      },
    );
  }
}

function setMode(climate: SimState, call: ServiceCall, mode: string): void {
  writeState(call, climate, mode, {
    ...climate.attributes,
    hvac_action: mode === 'off' ? 'off' : climate.attributes.hvac_action,
  });
}

const modes = (climate: SimState) =>
  Array.isArray(climate.attributes.hvac_modes) ? (climate.attributes.hvac_modes as string[]) : [];

export function climateServices(generation: HaGeneration): Record<string, EntityService> {
  const checks = generation !== '2024.1';
  return {
    set_temperature: {
      kind: 'entity',
      name: 'Set target temperature',
      description: 'Sets the temperature setpoint.',
      precheck: (data) => {
        if (!Object.keys(data).some((k) => TEMPERATURE_KEYS.includes(k)))
          throw new Invalid(`must contain at least one of ${TEMPERATURE_KEYS.join(', ')}.`);
      },
      fields: [
        { key: 'temperature', validate: coerce('float'), exclusive: 'temperature' },
        { key: 'target_temp_high', validate: coerce('float'), inclusive: 'temperature' },
        { key: 'target_temp_low', validate: coerce('float'), inclusive: 'temperature' },
        { key: 'hvac_mode', validate: hvacMode },
      ],
      requiredFeatures: [TARGET_TEMPERATURE, TARGET_TEMPERATURE_RANGE],
      run: (climate, call) => {
        if (checks) checkTemperatures(climate, call.data);
        const attributes: Record<string, unknown> = { ...climate.attributes };
        for (const key of TEMPERATURE_KEYS) if (key in call.data) attributes[key] = call.data[key];
        const mode = typeof call.data.hvac_mode === 'string' ? call.data.hvac_mode : climate.state;
        writeState(call, climate, mode, attributes);
      },
    },
    set_hvac_mode: {
      kind: 'entity',
      name: 'Set HVAC mode',
      description: 'Sets HVAC operation mode.',
      fields: [{ key: 'hvac_mode', validate: hvacMode, required: true }],
      run: (climate, call) => {
        if (checks) checkMode(climate, call.data.hvac_mode as string);
        setMode(climate, call, call.data.hvac_mode as string);
      },
    },
    turn_on: {
      kind: 'entity',
      name: 'Turn on',
      description: 'Turns climate device on.',
      fields: [],
      run: (climate, call) => {
        const mode = ['heat_cool', 'heat', 'cool'].find((m) => modes(climate).includes(m));
        if (mode) setMode(climate, call, mode);
      },
    },
    turn_off: {
      kind: 'entity',
      name: 'Turn off',
      description: 'Turns climate device off.',
      fields: [],
      run: (climate, call) => {
        if (modes(climate).includes('off')) setMode(climate, call, 'off');
      },
    },
  };
}
