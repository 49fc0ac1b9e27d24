import { mdiThermostat } from '@mdi/js';
import { z } from 'zod';
import type { EntityView } from '../entity-view';
import { defineDomain, planned } from './domain';
import { hasFeature } from './features';

/** ClimateEntityFeature.TARGET_TEMPERATURE: the thermostat takes one target temperature. */
const TARGET_TEMPERATURE = 1;

const setTemperature = z
  .object({ kind: z.literal('set_temperature'), temperature: z.number().min(-50).max(100) })
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
 * The unit of a thermostat's temperatures. Home Assistant gives it in the entity's own
 * `unit_of_measurement` where there is one; otherwise its limits tell: HA's default range is
 * 7-35 °C or 45-95 °F, and no room thermostat goes above 50 °C.
 */
export function temperatureUnit(entity: Pick<EntityView, 'attributes'>): '°C' | '°F' {
  const unit = entity.attributes.unit_of_measurement;
  if (unit === '°C' || unit === '°F') return unit;
  return Number(entity.attributes.max_temp) > 50 ? '°F' : '°C';
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
  stateWord: (state) => WORDS[state],
  stateText: (entity) =>
    typeof entity.attributes.temperature === 'number'
      ? `${WORDS[entity.state] ?? entity.state} ${entity.attributes.temperature} ${temperatureUnit(entity)}`
      : undefined,
  icon: () => mdiThermostat,
});
