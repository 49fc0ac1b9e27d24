import { describe, expect, it } from 'vitest';
import { kindsFor, suggestedStates } from '../../../src/renderer/settings/pages/rule-draft';
import { entityView } from '../fake-bridge';

describe('suggestedStates', () => {
  it('suggests on and off for every on/off domain, automations and sirens included', () => {
    expect(suggestedStates(entityView('automation.night', 'on'))).toEqual(['on', 'off']);
    expect(suggestedStates(entityView('siren.hall', 'off'))).toEqual(['on', 'off']);
  });

  it('suggests the current state and unavailable for a domain it knows nothing about', () => {
    expect(suggestedStates(entityView('weather.home', 'sunny'))).toEqual(['sunny', 'unavailable']);
  });
});

describe('kindsFor', () => {
  it('offers the kinds on a number first for a number, and none of them where the engine sees no number', () => {
    expect(kindsFor(entityView('sensor.temp', '21.5')).slice(0, 2)).toEqual([
      'threshold',
      'outside_range',
    ]);
    // JavaScript reads these as numbers; the rules engine (shared/numeric-value.ts) does not,
    // so a threshold on them could never fire.
    for (const state of ['0x10', 'Infinity', '1_000'])
      expect(kindsFor(entityView('sensor.odd', state))).not.toContain('threshold');
    expect(kindsFor(entityView('binary_sensor.door', 'off'))).not.toContain('threshold');
  });

  it('offers a thermostat the kinds on a number after the others, for its temperatures', () => {
    const thermostat = entityView('climate.hall', 'heat', {
      current_temperature: 20.5,
      min_temp: 7,
      supported_features: 1,
    });
    expect(kindsFor(thermostat)).toEqual([
      'becomes',
      'transition',
      'any_change',
      'threshold',
      'outside_range',
    ]);
    // Limits and feature bits measure nothing: a thermostat with only those gets no such rule.
    const bare = entityView('climate.hall', 'heat', { min_temp: 7, supported_features: 1 });
    expect(kindsFor(bare)).not.toContain('threshold');
  });
});
