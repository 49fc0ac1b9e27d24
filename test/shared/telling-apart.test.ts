import { describe, expect, it } from 'vitest';
import { domainName } from '../../src/shared/domains/domain-name';
import { tellApart } from '../../src/shared/telling-apart';

describe('domainName', () => {
  it('says a domain in words, as Home Assistant’s pickers do', () => {
    expect(domainName('cover')).toBe('Cover');
    expect(domainName('binary_sensor')).toBe('Binary sensor');
    expect(domainName('alarm_control_panel')).toBe('Alarm control panel');
    expect(domainName('water_heater')).toBe('Water heater');
    expect(domainName('')).toBe('Entity');
  });
});

describe('tellApart', () => {
  it('leaves names nobody else has alone', () => {
    expect(
      tellApart([
        { name: 'Kitchen lights', entityId: 'light.kitchen', area: 'Kitchen' },
        { name: 'Front door', entityId: 'lock.front_door', area: 'Hallway' },
      ]),
    ).toEqual([undefined, undefined]);
  });

  it('names the area where the areas differ, whatever the case of the names', () => {
    expect(
      tellApart([
        { name: 'Temperature', entityId: 'sensor.a', area: 'Kitchen' },
        { name: 'Lamp', entityId: 'light.lamp' },
        { name: 'temperature ', entityId: 'sensor.b', area: 'Bedroom' },
      ]),
    ).toEqual(['Kitchen', undefined, 'Bedroom']);
  });

  it('names the domain where the area does not tell them apart', () => {
    expect(
      tellApart([
        { name: 'Bedroom window', entityId: 'cover.bedroom_window', area: 'Bedroom' },
        { name: 'Bedroom window', entityId: 'binary_sensor.bedroom_window', area: 'Bedroom' },
      ]),
    ).toEqual(['Cover', 'Binary sensor']);
  });

  it('names area and domain where neither alone does, and the entity id where nothing else does', () => {
    expect(
      tellApart([
        { name: 'Lamp', entityId: 'light.a', area: 'Office' },
        { name: 'Lamp', entityId: 'switch.b', area: 'Office' },
        { name: 'Lamp', entityId: 'light.c', area: 'Bedroom' },
        { name: 'Lamp', entityId: 'switch.d', area: 'Bedroom' },
        { name: 'Plug', entityId: 'switch.plug_1' },
        { name: 'Plug', entityId: 'switch.plug_2' },
        { name: 'Fan', entityId: 'fan.a', area: 'Office' },
        { name: 'Fan', entityId: 'fan.b' },
      ]),
    ).toEqual([
      'Office · Light',
      'Office · Switch',
      'Bedroom · Light',
      'Bedroom · Switch',
      'switch.plug_1',
      'switch.plug_2',
      'Office',
      'No area',
    ]);
  });

  it('names each by the shortest thing that sets it apart', () => {
    expect(
      tellApart([
        { name: 'Lamp', entityId: 'light.a', area: 'Office' },
        { name: 'Lamp', entityId: 'light.b', area: 'Office' },
        { name: 'Lamp', entityId: 'switch.c', area: 'Bedroom' },
      ]),
    ).toEqual(['light.a', 'light.b', 'Bedroom']);
  });
});
