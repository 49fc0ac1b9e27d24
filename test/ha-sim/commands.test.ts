import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();

const HA_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/;

describe('read commands', () => {
  it('get_states: every state as Home Assistant serialises it', async () => {
    const sim = await start();
    const states = (await (await login(sim)).command({ type: 'get_states' })).result;
    expect(states).toHaveLength(sim.states().length);
    const kitchen = states.find((s: { entity_id: string }) => s.entity_id === 'light.kitchen');
    expect(Object.keys(kitchen)).toEqual([
      'entity_id',
      'state',
      'attributes',
      'last_changed',
      'last_updated',
      'context',
    ]);
    expect(kitchen).toMatchObject({
      state: 'on',
      attributes: {
        friendly_name: 'Kitchen lights',
        brightness: 255,
        supported_color_modes: ['brightness'],
      },
      context: {
        id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
        parent_id: null,
        user_id: null,
      },
    });
    expect(kitchen.last_changed).toMatch(HA_TIME);
    expect(kitchen).toEqual(sim.getState('light.kitchen'));
  });

  it('get_config: location, version, units and RUNNING', async () => {
    const sim = await start({ locationName: 'Cottage', haVersion: '2024.1.2' });
    const config = (await (await login(sim)).command({ type: 'get_config' })).result;
    expect(config).toMatchObject({
      location_name: 'Cottage',
      version: '2024.1.2',
      state: 'RUNNING',
      time_zone: 'Europe/Amsterdam',
      language: 'en',
      unit_system: { temperature: '°C', length: 'km' },
      external_url: null,
      internal_url: null,
    });
    expect(config.components).toEqual(
      expect.arrayContaining(['api', 'websocket_api', 'light', 'media_player']),
    );
  });

  it('get_config: the unit system as UnitSystem.as_dict(), metric or US customary, by generation', async () => {
    const metric2024 = {
      length: 'km',
      accumulated_precipitation: 'mm',
      mass: 'g',
      pressure: 'Pa',
      temperature: '°C',
      volume: 'L',
      wind_speed: 'm/s',
    };
    const unitsOf = async (options: Parameters<typeof start>[0]) =>
      (await (await login(await start(options))).command({ type: 'get_config' })).result
        .unit_system;
    expect(await unitsOf({})).toEqual(metric2024);
    expect(await unitsOf({ unitSystem: 'us_customary' })).toEqual({
      length: 'mi',
      accumulated_precipitation: 'in',
      mass: 'lb',
      pressure: 'psi',
      temperature: '°F',
      volume: 'gal',
      wind_speed: 'mph',
    });
    // 2026.2 adds the area unit (util/unit_system.py) and `debug` and `radius` to the config.
    expect(await unitsOf({ haVersion: '2026.2.3' })).toEqual({ ...metric2024, area: 'm²' });
    expect(await unitsOf({ haVersion: '2026.2.3', unitSystem: 'us_customary' })).toMatchObject({
      area: 'ft²',
      temperature: '°F',
    });
    const sim2026 = await start({ haVersion: '2026.2.3' });
    const config = (await (await login(sim2026)).command({ type: 'get_config' })).result;
    expect(config).toMatchObject({ debug: false, radius: 100 });
    const config2024 = (await (await login(await start())).command({ type: 'get_config' })).result;
    expect(config2024).not.toHaveProperty('debug');
    expect(config2024).not.toHaveProperty('radius');
  });

  it('setUnitSystem changes get_config and fires core_config_updated, as saving the setting does', async () => {
    const sim = await start();
    const client = await login(sim);
    const id = await client.subscribe({
      type: 'subscribe_events',
      event_type: 'core_config_updated',
    });
    sim.setUnitSystem('us_customary');
    const event = await client.nextEvent(id);
    expect(event).toMatchObject({
      event_type: 'core_config_updated',
      data: { unit_system: 'us_customary' },
    });
    expect((await client.command({ type: 'get_config' })).result.unit_system.temperature).toBe(
      '°F',
    );
  });

  it('get_services: every domain with its services, and one service per script', async () => {
    const services = (await (await login(await start())).command({ type: 'get_services' })).result;
    for (const domain of [
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
    ])
      expect(services).toHaveProperty(domain);
    expect(services.light.turn_on).toMatchObject({
      name: 'Turn on',
      target: { entity: [{ domain: ['light'] }] },
      fields: { brightness: {}, brightness_pct: {} },
    });
    expect(services.cover.set_cover_position.fields.position).toEqual({
      required: true,
      selector: {},
    });
    expect(services.script.goodnight).toMatchObject({
      name: 'Goodnight',
      response: { optional: true },
    });
  });

  it('config/entity_registry/list_for_display: the compact registry, without entities made in YAML', async () => {
    const sim = await start();
    const { result } = await (
      await login(sim)
    ).command({ type: 'config/entity_registry/list_for_display' });
    expect(result.entity_categories).toEqual({ '0': 'config', '1': 'diagnostic' });
    const byId = Object.fromEntries(result.entities.map((e: { ei: string }) => [e.ei, e]));
    expect(byId['light.kitchen']).toEqual({ ei: 'light.kitchen', pl: 'hue', ai: 'kitchen' });
    // A user-chosen icon is in the state only: 2024.1 does not send `ic` here.
    expect(byId['light.desk_lamp']).toEqual({ ei: 'light.desk_lamp', pl: 'shelly', ai: 'office' });
    expect(sim.getState('light.desk_lamp')?.attributes.icon).toBe('mdi:desk-lamp');
    expect(byId['button.restart_router']).toMatchObject({ ec: 0 });
    expect(byId['sensor.hallway_sensor_battery']).toMatchObject({ ec: 1 });
    expect(byId['binary_sensor.washing_machine_running']).toMatchObject({ hb: true });
    expect(byId['sensor.energy_today']).toBeUndefined();
    expect(sim.getState('sensor.energy_today')).toBeDefined();
  });

  it('config/area_registry/list: the six areas', async () => {
    const { result } = await (
      await login(await start())
    ).command({ type: 'config/area_registry/list' });
    expect(result.map((a: { name: string }) => a.name)).toEqual([
      'Living room',
      'Kitchen',
      'Bedroom',
      'Hallway',
      'Garage',
      'Office',
    ]);
    expect(result[0]).toEqual({
      aliases: [],
      area_id: 'living_room',
      name: 'Living room',
      picture: null,
    });
  });

  it('auth/current_user: the owner, and a plain user', async () => {
    const sim = await start();
    expect((await (await login(sim)).command({ type: 'auth/current_user' })).result).toEqual({
      id: sim.owner.id,
      name: 'Owner',
      is_owner: true,
      is_admin: true,
      credentials: [{ auth_provider_type: 'homeassistant', auth_provider_id: null }],
      mfa_modules: [{ id: 'totp', name: 'Authenticator app', enabled: false }],
    });
    const guest = sim.createUser('Guest');
    const client = await login(sim, sim.createLongLivedToken(guest.id, 'guest token'));
    expect((await client.command({ type: 'auth/current_user' })).result).toMatchObject({
      id: guest.id,
      name: 'Guest',
      is_owner: false,
      is_admin: false,
    });
  });
});
