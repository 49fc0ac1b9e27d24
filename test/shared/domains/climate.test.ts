import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../src/shared/entity';
import { panelControls, planAction } from '../../../src/shared/domains/registry';

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
});
