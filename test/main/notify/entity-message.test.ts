import { describe, expect, it } from 'vitest';
import { entityMessage } from '../../../src/main/notify/entity-message';
import { previewMessage } from '../../../src/main/notify/preview';
import type { RuleFiring } from '../../../src/main/notify/rules-engine';
import type { NotificationRule } from '../../../src/shared/notification-rules';
import type { TemperatureUnit } from '../../../src/shared/unit-system';
import { rule, state } from './states';

const anyChange = (entityId: string) => rule('any_change', { entityId });

function message(
  entityId: string,
  name: string,
  oldState: string,
  newState: string,
  attributes: Record<string, unknown> = {},
  options: {
    rule?: NotificationRule;
    whileDisconnected?: boolean;
    temperatureUnit?: TemperatureUnit;
  } = {},
) {
  const firing: RuleFiring = {
    rule: options.rule ?? anyChange(entityId),
    oldState,
    current: state(entityId, newState, { friendly_name: name, ...attributes }),
    whileDisconnected: options.whileDisconnected ?? false,
  };
  return entityMessage(firing, options.temperatureUnit);
}

const title = (...args: Parameters<typeof message>) => message(...args).title;

describe('default titles per domain and device class', () => {
  it('doors, garage doors, windows and openings open and close', () => {
    for (const deviceClass of ['door', 'garage_door', 'window', 'opening']) {
      const attrs = { device_class: deviceClass };
      expect(title('binary_sensor.x', 'Front door', 'off', 'on', attrs)).toBe('Front door opened');
      expect(title('binary_sensor.x', 'Front door', 'on', 'off', attrs)).toBe('Front door closed');
    }
  });

  it('motion and occupancy are detected and cleared in a place', () => {
    const motion = { device_class: 'motion' };
    expect(title('binary_sensor.m', 'Hallway sensor', 'off', 'on', motion)).toBe(
      'Motion detected in Hallway sensor',
    );
    expect(title('binary_sensor.m', 'Hallway sensor', 'on', 'off', motion)).toBe(
      'Motion cleared in Hallway sensor',
    );
    expect(title('binary_sensor.o', 'Office', 'off', 'on', { device_class: 'occupancy' })).toBe(
      'Occupancy detected in Office',
    );
  });

  it('other binary sensor classes have their own words, unknown ones turn on and off', () => {
    expect(title('binary_sensor.s', 'Kitchen alarm', 'off', 'on', { device_class: 'smoke' })).toBe(
      'Smoke detected by Kitchen alarm',
    );
    expect(title('binary_sensor.w', 'Washer', 'on', 'off', { device_class: 'running' })).toBe(
      'Washer stopped',
    );
    expect(title('binary_sensor.l', 'Leak sensor', 'off', 'on', { device_class: 'moisture' })).toBe(
      'Leak sensor detected water',
    );
    expect(title('binary_sensor.g', 'Gadget', 'off', 'on')).toBe('Gadget turned on');
  });

  it('locks lock, unlock and jam', () => {
    expect(title('lock.front', 'Front door', 'unlocked', 'locked')).toBe('Front door locked');
    expect(title('lock.front', 'Front door', 'locked', 'unlocked')).toBe('Front door unlocked');
    expect(title('lock.front', 'Front door', 'locking', 'jammed')).toBe('Front door is jammed');
  });

  it('covers open and close', () => {
    expect(title('cover.garage', 'Garage door', 'closed', 'open')).toBe('Garage door opened');
    expect(title('cover.garage', 'Garage door', 'open', 'closed')).toBe('Garage door closed');
    expect(title('cover.garage', 'Garage door', 'open', 'closing')).toBe('Garage door is closing');
  });

  it('people and trackers arrive and leave', () => {
    expect(title('person.anna', 'Anna', 'not_home', 'home')).toBe('Anna arrived home');
    expect(title('person.anna', 'Anna', 'home', 'not_home')).toBe('Anna left home');
    expect(title('device_tracker.phone', 'Phone', 'not_home', 'Work')).toBe(
      'Phone arrived at Work',
    );
    expect(title('person.anna', 'Anna', 'Work', 'not_home')).toBe('Anna left Work');
  });

  it('sensors say their value with the unit', () => {
    const temp = { unit_of_measurement: '°C', device_class: 'temperature' };
    expect(title('sensor.t', 'Living room temperature', '24.8', '25.5', temp)).toBe(
      'Living room temperature is 25.5 °C',
    );
    expect(title('sensor.h', 'Humidity', '40', '45', { unit_of_measurement: '%' })).toBe(
      'Humidity is 45%',
    );
    expect(title('sensor.phase', 'Moon', 'new_moon', 'full_moon')).toBe('Moon is full moon');
  });

  it('a threshold rule adds which threshold was crossed', () => {
    const threshold = rule('threshold', {
      entityId: 'sensor.t',
      direction: 'above',
      threshold: 25,
      hysteresis: 0.5,
    });
    const temp = { unit_of_measurement: '°C' };
    expect(
      title('sensor.t', 'Living room temperature', '24.8', '25.5', temp, { rule: threshold }),
    ).toBe('Living room temperature is 25.5 °C (above 25 °C)');
  });

  it('a threshold rule on an attribute names the attribute', () => {
    const threshold = rule('threshold', {
      entityId: 'climate.living',
      direction: 'below',
      threshold: 18,
      hysteresis: 0,
      attribute: 'current_temperature',
    });
    expect(
      message(
        'climate.living',
        'Thermostat',
        '18.5',
        'heat',
        { current_temperature: 17.5 },
        {
          rule: threshold,
        },
      ),
    ).toEqual({
      title: 'Thermostat current temperature is 17.5 °C (below 18 °C)',
      body: 'Previously 18.5 °C.',
    });
  });

  it("a thermostat's temperature attributes are in the home's unit, whatever the limits suggest", () => {
    const threshold = rule('threshold', {
      entityId: 'climate.living',
      direction: 'above',
      threshold: 78,
      hysteresis: 0,
      attribute: 'current_temperature',
      message: 'Too warm: {state} (over {threshold}, in {unit})',
    });
    const warm = { current_temperature: 80, min_temp: 7, max_temp: 35 };
    expect(
      title('climate.living', 'Thermostat', '77', 'heat', warm, {
        rule: { ...threshold, message: undefined },
        temperatureUnit: '°F',
      }),
    ).toBe('Thermostat current temperature is 80 °F (above 78 °F)');
    expect(
      title('climate.living', 'Thermostat', '77', 'heat', warm, {
        rule: threshold,
        temperatureUnit: '°F',
      }),
    ).toBe('Too warm: 80 °F (over 78 °F, in °F)');
    // Other attributes have no unit: HVAC action, a humidity.
    expect(
      title(
        'climate.living',
        'Thermostat',
        '40',
        'heat',
        { current_humidity: 60 },
        { rule: { ...threshold, attribute: 'current_humidity', message: undefined } },
      ),
    ).toBe('Thermostat current humidity is 60 (above 78)');
  });

  it('everything else turns on and off or changes to a state', () => {
    expect(title('light.kitchen', 'Kitchen lights', 'off', 'on')).toBe('Kitchen lights turned on');
    expect(title('switch.tv', 'TV socket', 'on', 'off')).toBe('TV socket turned off');
    // The panel's word for the state, in lower case: the two had drifted ("heat cool").
    expect(title('climate.living', 'Thermostat', 'off', 'heat_cool')).toBe(
      'Thermostat changed to heat/cool',
    );
    expect(title('alarm_control_panel.home', 'Alarm', 'disarmed', 'armed_away')).toBe(
      'Alarm armed (away)',
    );
  });

  it('any entity can become unavailable', () => {
    expect(title('lock.front', 'Front door', 'locked', 'unavailable')).toBe(
      'Front door became unavailable',
    );
    expect(title('sensor.t', 'Temperature', '21', 'unknown')).toBe(
      'Temperature changed to an unknown state',
    );
  });

  it('falls back to the entity id when there is no friendly name', () => {
    const firing: RuleFiring = {
      rule: anyChange('light.kitchen'),
      oldState: 'off',
      current: state('light.kitchen', 'on'),
      whileDisconnected: false,
    };
    expect(entityMessage(firing).title).toBe('light.kitchen turned on');
  });
});

describe('body', () => {
  it('gives the previous state in the entity’s own words', () => {
    expect(
      message('binary_sensor.d', 'Front door', 'off', 'on', { device_class: 'door' }).body,
    ).toBe('Previously closed.');
    expect(message('person.anna', 'Anna', 'not_home', 'home').body).toBe('Previously away.');
  });

  it('says when the change happened while HA Tray was disconnected', () => {
    expect(
      message(
        'binary_sensor.d',
        'Front door',
        'off',
        'on',
        { device_class: 'door' },
        {
          whileDisconnected: true,
        },
      ),
    ).toEqual({
      title: 'Front door opened',
      body: 'Happened while HA Tray was disconnected. Previously closed.',
    });
  });
});

describe('custom messages', () => {
  it('fill the placeholders with the entity’s words', () => {
    const custom = rule('threshold', {
      entityId: 'sensor.t',
      direction: 'above',
      threshold: 25,
      hysteresis: 0,
      message: '{name}: {old_state} → {state} ({threshold}, {unit}, {entity_id})',
    });
    expect(
      title('sensor.t', 'Temperature', '24', '26', { unit_of_measurement: '°C' }, { rule: custom }),
    ).toBe('Temperature: 24 °C → 26 °C (25 °C, °C, sensor.t)');
  });

  it('leave an unknown placeholder from an old settings file as typed', () => {
    const custom = { ...anyChange('light.a'), message: '{name} {colour}' };
    expect(title('light.a', 'Lamp', 'off', 'on', {}, { rule: custom })).toBe('Lamp {colour}');
  });
});

describe('preview for the settings page', () => {
  const door = state('binary_sensor.front_door', 'off', {
    friendly_name: 'Front door',
    device_class: 'door',
  });

  it('shows the rule’s target state as the change', () => {
    expect(
      previewMessage(rule('becomes', { entityId: door.entity_id, states: ['on'] }), door),
    ).toEqual({ title: 'Front door opened', body: 'Previously closed.' });
    expect(
      previewMessage(rule('transition', { entityId: door.entity_id, from: 'on', to: 'off' }), door)
        .title,
    ).toBe('Front door closed');
  });

  it('shows a value just past a threshold', () => {
    const temp = state('sensor.t', '21', { friendly_name: 'Temp', unit_of_measurement: '°C' });
    expect(
      previewMessage(
        rule('threshold', {
          entityId: 'sensor.t',
          direction: 'below',
          threshold: 18,
          hysteresis: 0,
        }),
        temp,
      ),
    ).toEqual({ title: 'Temp is 17 °C (below 18 °C)', body: 'Previously 21 °C.' });
  });
});
