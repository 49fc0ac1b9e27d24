import { describe, expect, it } from 'vitest';
import { defaultHome } from './index';
import { scaleHome } from './scale';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();

const DOMAINS = [
  'light',
  'switch',
  'fan',
  'input_boolean',
  'cover',
  'lock',
  'scene',
  'script',
  'button',
  'automation',
  'climate',
  'media_player',
  'sensor',
  'binary_sensor',
];

describe('the default home', () => {
  it('has about 40 entities across every domain the app handles, in six areas', () => {
    const home = defaultHome();
    expect(home.length).toBeGreaterThanOrEqual(40);
    for (const domain of DOMAINS)
      expect(home.some((e) => e.entity_id.startsWith(`${domain}.`))).toBe(true);
    expect(new Set(home.flatMap((e) => (e.area_id ? [e.area_id] : [])))).toEqual(
      new Set(['living_room', 'kitchen', 'bedroom', 'hallway', 'garage', 'office']),
    );
    for (const entity of home) expect(entity.attributes.friendly_name).toEqual(expect.any(String));
  });

  it('has what a tray shows: icons, units, device and state classes, dimmable and plain lights, an unavailable entity', () => {
    const byId = Object.fromEntries(defaultHome().map((e) => [e.entity_id, e]));
    expect(byId['sensor.living_room_temperature']!.attributes).toMatchObject({
      unit_of_measurement: '°C',
      device_class: 'temperature',
      state_class: 'measurement',
    });
    expect(byId['sensor.living_room_humidity']!.attributes).toMatchObject({
      unit_of_measurement: '%',
      device_class: 'humidity',
    });
    expect(byId['sensor.washing_machine_power']!.attributes).toMatchObject({
      unit_of_measurement: 'W',
      device_class: 'power',
    });
    expect(byId['sensor.energy_today']!.attributes).toMatchObject({
      unit_of_measurement: 'kWh',
      state_class: 'total_increasing',
    });
    expect(byId['binary_sensor.front_door']!.attributes.device_class).toBe('door');
    expect(byId['binary_sensor.hallway_motion']!.attributes.device_class).toBe('motion');
    expect(byId['binary_sensor.bedroom_window']!.attributes.device_class).toBe('window');
    expect(byId['cover.garage_door']!.attributes.device_class).toBe('garage');
    expect(byId['cover.living_room_blinds']!.attributes).toMatchObject({
      device_class: 'blind',
      current_position: 100,
    });
    expect(byId['cover.bedroom_window']!.attributes).toMatchObject({
      device_class: 'window',
      current_position: 0,
    });
    expect(byId['light.kitchen']!.attributes.supported_color_modes).toEqual(['brightness']);
    expect(byId['light.hallway']!.attributes.supported_color_modes).toEqual(['onoff']);
    expect(byId['light.desk_lamp']!.attributes.icon).toBe('mdi:desk-lamp');
    expect(byId['light.garage']!.state).toBe('unavailable');
  });

  it('is what a simulator starts with', async () => {
    const sim = await start();
    expect(sim.states().map((s) => [s.entity_id, s.state, s.attributes])).toEqual(
      defaultHome().map((s) => [s.entity_id, s.state, s.attributes]),
    );
  });
});

describe('scale mode', () => {
  it('serves a correct 10,000-entity snapshot', async () => {
    const sim = await start({ home: { scale: 10_000 } });
    const client = await login(sim);
    const id = await client.subscribe({ type: 'subscribe_entities' });
    const { a } = await client.nextEvent(id, () => true, 15_000);
    const ids = Object.keys(a);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids.map((e) => e.split('.')[0]))).toEqual(
      new Set(['sensor', 'light', 'switch', 'binary_sensor', 'input_boolean']),
    );
    expect(a['sensor.scale_00000']).toMatchObject({
      s: '0',
      a: { unit_of_measurement: '°C', device_class: 'temperature' },
    });
    expect(a['light.scale_00001']).toMatchObject({ s: 'on', a: { brightness: 128 } });
    expect(a['input_boolean.scale_09999']).toMatchObject({
      s: 'off',
      a: { friendly_name: 'Toggle 09999' },
    });
    for (const state of Object.values(a) as Array<{ s: string; c: string; lc: number }>) {
      expect(typeof state.s).toBe('string');
      expect(typeof state.c).toBe('string');
      expect(state.lc).toBeGreaterThan(0);
    }
    expect((await client.command({ type: 'get_states' })).result).toHaveLength(10_000);
    const registry = (await client.command({ type: 'config/entity_registry/list_for_display' }))
      .result;
    expect(registry.entities).toHaveLength(10_000);
  });

  it('pads ids to the count: 100,000 entities get six digits', () => {
    expect(scaleHome(100_001).entities.at(-1)!.entity_id).toBe('sensor.scale_100000');
    expect(scaleHome(3).entities.map((e) => e.entity_id)).toEqual([
      'sensor.scale_00000',
      'light.scale_00001',
      'switch.scale_00002',
    ]);
  });
});
