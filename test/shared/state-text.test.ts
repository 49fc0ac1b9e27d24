import { describe, expect, it } from 'vitest';
import type { EntityView } from '../../src/shared/entity-view';
import {
  attributeName,
  entityFacts,
  friendlyName,
  stateLabel,
  stateText,
  stateWord,
} from '../../src/shared/state-text';

const e = (
  entity_id: string,
  state: string,
  attributes: Record<string, unknown> = {},
): EntityView => ({
  entity_id,
  state,
  attributes,
  last_changed: '',
  last_updated: '',
});

describe('stateText', () => {
  it.each([
    [e('light.a', 'on'), 'On'],
    [e('switch.a', 'off'), 'Off'],
    [e('lock.a', 'locked'), 'Locked'],
    [e('lock.a', 'jammed'), 'Jammed'],
    [e('cover.a', 'closed'), 'Closed'],
    [e('media_player.a', 'paused'), 'Paused'],
    [e('sensor.t', '21.5', { unit_of_measurement: '°C' }), '21.5 °C'],
    [e('sensor.t', 'unavailable', { unit_of_measurement: '°C' }), 'Unavailable'],
    [e('light.a', 'unknown'), 'Unknown'],
    [e('binary_sensor.door', 'on', { device_class: 'door' }), 'Open'],
    [e('binary_sensor.door', 'off', { device_class: 'door' }), 'Closed'],
    [e('binary_sensor.m', 'on', { device_class: 'motion' }), 'Detected'],
    [e('binary_sensor.x', 'on'), 'On'],
    // The panel uses the same device-class words as notifications (they had drifted apart).
    [e('binary_sensor.gas', 'on', { device_class: 'gas' }), 'Detected'],
    [e('binary_sensor.p', 'off', { device_class: 'problem' }), 'OK'],
    [e('binary_sensor.c', 'on', { device_class: 'battery_charging' }), 'Charging'],
    [e('person.anna', 'not_home'), 'Away'],
    [e('climate.a', 'heat', { temperature: 21 }), 'Heat 21 °C'],
    [e('climate.a', 'heat', { temperature: 70, max_temp: 95 }), 'Heat 70 °F'],
    [e('weather.home', 'partlycloudy'), 'partlycloudy'],
    // The panel writes values as the notifications do (and Home Assistant's frontend): "45%".
    [e('sensor.h', '45', { unit_of_measurement: '%' }), '45%'],
    [e('sensor.wind', 'north_west'), 'north west'],
  ])('%o -> %s', (entity, text) => {
    expect(stateText(entity)).toBe(text);
  });

  it('says when a scene was last activated', () => {
    expect(stateText(e('scene.a', '2026-11-23T10:00:00+00:00'))).toMatch(/^Last activated /);
  });

  it('says a scene or button that never ran was not run yet, not "Unknown"', () => {
    expect(stateText(e('scene.a', 'unknown'))).toBe('Not activated yet');
    expect(stateText(e('input_button.bell', 'unknown'))).toBe('Not pressed yet');
  });
});

describe('friendlyName', () => {
  it('falls back to the entity id', () => {
    expect(friendlyName(e('light.a', 'on', { friendly_name: 'Lamp' }))).toBe('Lamp');
    expect(friendlyName(e('light.a', 'on', { friendly_name: '  ' }))).toBe('light.a');
  });
});

describe('the words for any state of an entity (the rule editor, the preview, the messages)', () => {
  const door = entityFacts(e('binary_sensor.front_door', 'off', { device_class: 'door' }));
  const motion = entityFacts(e('binary_sensor.hall', 'off', { device_class: 'motion' }));
  const plain = entityFacts(e('binary_sensor.x', 'off'));
  const problem = entityFacts(e('binary_sensor.p', 'off', { device_class: 'problem' }));

  it.each([
    [door, 'on', 'Open', 'open'],
    [door, 'off', 'Closed', 'closed'],
    [motion, 'on', 'Detected', 'detected'],
    [motion, 'off', 'Clear', 'clear'],
    [plain, 'on', 'On', 'on'],
    [door, 'unavailable', 'Unavailable', 'unavailable'],
    [problem, 'off', 'OK', 'OK'],
    [entityFacts(e('person.anna', 'home')), 'not_home', 'Away', 'away'],
    [entityFacts(e('sensor.t', '21', { unit_of_measurement: '°C' })), '25.5', '25.5 °C', '25.5 °C'],
    [entityFacts(e('weather.home', 'sunny')), 'partly_cloudy', 'partly cloudy', 'partly cloudy'],
  ])('%o, %s: "%s" as a choice, "%s" in a sentence', (facts, state, label, word) => {
    expect(stateLabel(facts, state)).toBe(label);
    expect(stateWord(facts, state)).toBe(word);
  });
});

describe('attributeName', () => {
  it("says an attribute as Home Assistant does, in its domain's words where the key says it badly", () => {
    expect(attributeName('climate', 'current_temperature')).toBe('Current temperature');
    expect(attributeName('climate', 'temperature')).toBe('Target temperature');
    expect(attributeName('sensor', 'temperature')).toBe('Temperature');
  });
});
