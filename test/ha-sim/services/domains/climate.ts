import { Invalid, coerce, coerceEnum } from '../../schema';
import type { SimState } from '../../entities/state-machine';
import { writeState, type EntityService, type ServiceCall } from '../types';

/** ClimateEntityFeature. */
const TARGET_TEMPERATURE = 1;
const TARGET_TEMPERATURE_RANGE = 2;

const HVAC_MODES = ['off', 'heat', 'cool', 'heat_cool', 'auto', 'dry', 'fan_only'];
const hvacMode = coerceEnum('HVACMode', HVAC_MODES);
const TEMPERATURE_KEYS = ['temperature', 'target_temp_high', 'target_temp_low'];

/**
 * HA 2024.1 checks the mode against HVACMode only; whether the entity offers it, and whether a
 * temperature lies within min_temp and max_temp, is checked only from 2024.8 and 2024.10.
 */
function setMode(climate: SimState, call: ServiceCall, mode: string): void {
  writeState(call, climate, mode, {
    ...climate.attributes,
    hvac_action: mode === 'off' ? 'off' : climate.attributes.hvac_action,
  });
}

const modes = (climate: SimState) =>
  Array.isArray(climate.attributes.hvac_modes) ? (climate.attributes.hvac_modes as string[]) : [];

export function climateServices(): Record<string, EntityService> {
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
      run: (climate, call) => setMode(climate, call, call.data.hvac_mode as string),
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
