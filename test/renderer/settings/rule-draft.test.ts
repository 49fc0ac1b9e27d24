import { describe, expect, it } from 'vitest';
import { suggestedStates } from '../../../src/renderer/settings/pages/rule-draft';
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
