import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../src/shared/entity';
import {
  entityActionSchema,
  panelControls,
  planAction,
} from '../../../src/shared/domains/registry';
import {
  temperatureRange,
  temperatureUnit,
  withHomeTemperatureUnit,
} from '../../../src/shared/domains/climate';
import { stateText } from '../../../src/shared/state-text';

const TARGET_TEMPERATURE = 1;
const thermostat = (attributes: Record<string, unknown>): EntityState => ({
  entity_id: 'climate.living_room',
  state: 'heat',
  attributes: { friendly_name: 'Living room', hvac_modes: ['off', 'heat'], ...attributes },
  last_changed: '',
  last_updated: '',
  context: { id: 'c', parent_id: null, user_id: null },
});

describe('climate', () => {
  it("keeps a target temperature within the thermostat's own limits", () => {
    const entity = thermostat({
      supported_features: TARGET_TEMPERATURE,
      min_temp: 7,
      max_temp: 35,
    });
    const data = (temperature: number) => {
      const result = planAction(entity, { kind: 'set_temperature', temperature });
      return result.ok ? result.plan.data : result.error;
    };
    expect(data(21.5)).toEqual({ temperature: 21.5 });
    expect(data(90)).toEqual({ temperature: 35 });
    expect(data(-20)).toEqual({ temperature: 7 });
  });

  it('offers and plans a target temperature only for a thermostat that takes one', () => {
    const fixed = thermostat({ supported_features: 0, min_temp: 7, max_temp: 35 });
    expect(panelControls(fixed)).toEqual([]);
    expect(planAction(fixed, { kind: 'set_temperature', temperature: 21 })).toEqual({
      ok: false,
      error: 'Living room does not take a target temperature.',
    });
    expect(panelControls(thermostat({ supported_features: TARGET_TEMPERATURE }))).toEqual([
      { kind: 'temperature' },
    ]);
  });

  describe("the unit is the home's, from Home Assistant's unit system", () => {
    // A thermostat whose limits look like Celsius (HA's default 7-35) in a home set to imperial.
    const imperial = withHomeTemperatureUnit(
      thermostat({ temperature: 21, min_temp: 7, max_temp: 35 }),
      '°F',
    );

    it('an imperial home gets °F whatever the limits look like', () => {
      expect(temperatureUnit(imperial)).toBe('°F');
      expect(stateText(imperial)).toBe('Heat 21 °F');
    });

    it('a metric home gets °C even for limits that look like Fahrenheit', () => {
      const metric = withHomeTemperatureUnit(thermostat({ temperature: 60, max_temp: 95 }), '°C');
      expect(stateText(metric)).toBe('Heat 60 °C');
    });

    it('only thermostats carry the unit: other entities have their own', () => {
      const sensor = { ...thermostat({}), entity_id: 'sensor.outside' };
      expect(withHomeTemperatureUnit(sensor, '°F')).toEqual(sensor);
    });

    it('without the unit system (not read yet, or malformed) the limits still tell', () => {
      expect(temperatureUnit(thermostat({ max_temp: 95 }))).toBe('°F');
      expect(temperatureUnit(thermostat({ max_temp: 35 }))).toBe('°C');
      expect(
        temperatureUnit(withHomeTemperatureUnit(thermostat({ max_temp: 95 }), undefined)),
      ).toBe('°F');
    });

    it("Home Assistant's default limits in the home's unit when the thermostat gives none", () => {
      expect(temperatureRange(withHomeTemperatureUnit(thermostat({}), '°F'))).toEqual({
        min: 45,
        max: 95,
      });
      expect(temperatureRange(withHomeTemperatureUnit(thermostat({}), '°C'))).toEqual({
        min: 7,
        max: 35,
      });
      expect(temperatureRange(thermostat({ min_temp: 50, max_temp: 90 }))).toEqual({
        min: 50,
        max: 90,
      });
    });

    it('an imperial target above 100 passes the contract and is planned, within the limits', () => {
      const action = { kind: 'set_temperature', temperature: 104 } as const;
      expect(entityActionSchema.safeParse(action).success).toBe(true);
      expect(entityActionSchema.safeParse({ ...action, temperature: 500 }).success).toBe(false);
      const spa = withHomeTemperatureUnit(
        thermostat({ supported_features: TARGET_TEMPERATURE, min_temp: 80, max_temp: 104 }),
        '°F',
      );
      const result = planAction(spa, action);
      expect(result.ok && result.plan.data).toEqual({ temperature: 104 });
    });
  });
});
