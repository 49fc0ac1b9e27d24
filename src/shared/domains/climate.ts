import { mdiThermostat } from '@mdi/js';
import { z } from 'zod';
import { domainOf } from '../entity';
import type { EntityView, HomeUnit } from '../entity-view';
import type { TemperatureUnit } from '../unit-system';
import { defineDomain, planned } from './domain';
import { hasFeature } from './features';

/** ClimateEntityFeature.TARGET_TEMPERATURE: the thermostat takes one target temperature. */
const TARGET_TEMPERATURE = 1;

/**
 * Any temperature a thermostat could take in either unit: -50 to 100 °C is -58 to 212 °F (a hot
 * tub in an imperial home is set to 104). The thermostat's own limits clamp it further.
 */
const setTemperature = z
  .object({ kind: z.literal('set_temperature'), temperature: z.number().min(-58).max(212) })
  .strict();
const setHvacMode = z
  .object({ kind: z.literal('set_hvac_mode'), mode: z.string().min(1).max(40) })
  .strict();

const WORDS: Record<string, string> = {
  heat: 'Heat',
  cool: 'Cool',
  auto: 'Auto',
  heat_cool: 'Heat/Cool',
  dry: 'Dry',
  fan_only: 'Fan only',
};

/**
 * The thermostat's own limits (`min_temp`, `max_temp`), which Home Assistant 2026 enforces with
 * a validation error: a value outside them is set to the nearest limit instead.
 */
function withinLimits(temperature: number, attributes: Record<string, unknown>): number {
  const min = typeof attributes.min_temp === 'number' ? attributes.min_temp : -Infinity;
  const max = typeof attributes.max_temp === 'number' ? attributes.max_temp : Infinity;
  return Math.min(max, Math.max(min, temperature));
}

/**
 * The unit of a thermostat's temperatures. Home Assistant shows them in its unit system's unit
 * (its own frontend reads `unit_system.temperature` of `get_config`), which main puts on the view
 * (`withHomeTemperatureUnit`). Until it is known, or if Home Assistant sent something else, the
 * limits tell: HA's default range is 7-35 °C or 45-95 °F, and no room thermostat goes above 50 °C.
 */
export function temperatureUnit(
  entity: Pick<EntityView, 'attributes' | 'temperatureUnit'>,
): TemperatureUnit {
  if (entity.temperatureUnit) return entity.temperatureUnit;
  const unit = entity.attributes.unit_of_measurement;
  if (unit === '°C' || unit === '°F') return unit;
  return Number(entity.attributes.max_temp) > 50 ? '°F' : '°C';
}

/** A thermostat's attributes that are temperatures (`ClimateEntity.state_attributes`). */
const TEMPERATURE_ATTRIBUTES = new Set([
  'current_temperature',
  'temperature',
  'target_temp_high',
  'target_temp_low',
  'min_temp',
  'max_temp',
]);

/** Home Assistant's English names of a thermostat's attributes that the key says badly. */
const ATTRIBUTE_NAMES: Record<string, string> = {
  temperature: 'Target temperature',
  target_temp_high: 'Upper target temperature',
  target_temp_low: 'Lower target temperature',
  humidity: 'Target humidity',
};

/** The entity with the home's temperature unit when it is a thermostat; any other as it is. */
export function withHomeTemperatureUnit<T extends Pick<EntityView, 'entity_id'>>(
  entity: T,
  unit: TemperatureUnit | undefined,
): T & HomeUnit {
  return unit && domainOf(entity.entity_id) === 'climate'
    ? { ...entity, temperatureUnit: unit }
    : entity;
}

/**
 * HA's defaults when a thermostat gives no limits: `DEFAULT_MIN_TEMP` 7 and `DEFAULT_MAX_TEMP`
 * 35 °C, which `ClimateEntity.min_temp`/`max_temp` convert to 44.6 and 95 °F and show whole.
 */
const DEFAULT_RANGE: Record<TemperatureUnit, { min: number; max: number }> = {
  '°C': { min: 7, max: 35 },
  '°F': { min: 45, max: 95 },
};

/** The target temperatures a thermostat takes: its `min_temp`..`max_temp`, else HA's defaults. */
export function temperatureRange(entity: Pick<EntityView, 'attributes' | 'temperatureUnit'>): {
  min: number;
  max: number;
} {
  const { min, max } = DEFAULT_RANGE[temperatureUnit(entity)];
  const limit = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return {
    min: limit(entity.attributes.min_temp, min),
    max: limit(entity.attributes.max_temp, max),
  };
}

/** A thermostat: its controls do not fit a menu, so the tray opens the panel. */
export const climate = defineDomain({
  domain: 'climate',
  tray: 'panel',
  actions: [setTemperature, setHvacMode],
  plan: (entity, action, name) => {
    if (action.kind === 'set_temperature') {
      if (!hasFeature(entity, TARGET_TEMPERATURE))
        return { ok: false, error: `${name} does not take a target temperature.` };
      const temperature = withinLimits(action.temperature, entity.attributes);
      return planned('climate', 'set_temperature', `${temperature}°`, { temperature });
    }
    const modes = Array.isArray(entity.attributes.hvac_modes)
      ? (entity.attributes.hvac_modes as unknown[])
      : [];
    if (!modes.includes(action.mode))
      return { ok: false, error: `${name} has no mode "${action.mode}".` };
    return planned('climate', 'set_hvac_mode', action.mode, { hvac_mode: action.mode });
  },
  controls: (entity) => (hasFeature(entity, TARGET_TEMPERATURE) ? [{ kind: 'temperature' }] : []),
  attributeUnit: (entity, attribute) =>
    TEMPERATURE_ATTRIBUTES.has(attribute) ? temperatureUnit(entity) : undefined,
  attributeNames: ATTRIBUTE_NAMES,
  stateWord: (state) => WORDS[state],
  stateText: (entity) =>
    typeof entity.attributes.temperature === 'number'
      ? `${WORDS[entity.state] ?? entity.state} ${entity.attributes.temperature} ${temperatureUnit(entity)}`
      : undefined,
  icon: () => mdiThermostat,
});
