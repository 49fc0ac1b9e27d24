import { describe, expect, it } from 'vitest';
import type { HaSimulator } from './index';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();

async function setup() {
  const sim = await start();
  const client = await login(sim);
  const call = (
    domain: string,
    service: string,
    data?: Record<string, unknown>,
    target?: Record<string, unknown>,
  ) =>
    client.command({
      type: 'call_service',
      domain,
      service,
      ...(data ? { service_data: data } : {}),
      ...(target ? { target } : {}),
    });
  return { sim, client, call, state: (id: string) => sim.getState(id)! };
}

const ok = { success: true };
const failure = (code: string, message: string) => ({ success: false, error: { code, message } });

describe('call_service: the answer', () => {
  it('answers {context} with a new context that names the user', async () => {
    const { sim, call, state } = await setup();
    const reply = await call('switch', 'turn_on', undefined, {
      entity_id: 'switch.coffee_machine',
    });
    expect(reply.result).toEqual({
      context: { id: expect.any(String), parent_id: null, user_id: sim.owner.id },
    });
    expect(state('switch.coffee_machine').context).toEqual(reply.result.context);
    expect(sim.serviceCalls).toEqual([
      {
        domain: 'switch',
        service: 'turn_on',
        service_data: {},
        target: { entity_id: ['switch.coffee_machine'] },
        userId: sim.owner.id,
      },
    ]);
  });

  it('says not_found "Service d.s not found." for an unknown service, with its translation', async () => {
    const { sim, call } = await setup();
    expect((await call('light', 'explode')).error).toEqual({
      code: 'not_found',
      message: 'Service light.explode not found.',
      translation_key: 'service_not_found',
      translation_domain: 'homeassistant',
      translation_placeholders: { domain: 'light', service: 'explode' },
    });
    expect(sim.serviceCalls).toEqual([]);
  });

  it('succeeds without effect for a target that does not exist or is unavailable (HA 2024.1 only logs it)', async () => {
    const { sim, call } = await setup();
    const before = sim.states();
    expect(
      await call('light', 'turn_on', undefined, {
        entity_id: ['light.nowhere', 'light.garage', 'switch.tv_socket'],
      }),
    ).toMatchObject(ok);
    expect(sim.states()).toEqual(before);
  });

  it('reaches entities through an area and through entity_id "all"', async () => {
    const { call, state } = await setup();
    await call('light', 'turn_on', undefined, { area_id: 'bedroom' });
    expect(state('light.bedroom').state).toBe('on');
    await call('light', 'turn_off', { entity_id: 'all' });
    for (const id of ['light.kitchen', 'light.bedroom', 'light.living_room_ceiling'])
      expect(state(id).state).toBe('off');
    expect(state('light.garage').state).toBe('unavailable');
  });

  it('refuses return_response for services without a response, as HA 2024.1 does (unknown_error)', async () => {
    const { client } = await setup();
    expect(
      (
        await client.command({
          type: 'call_service',
          domain: 'light',
          service: 'toggle',
          return_response: true,
        })
      ).error,
    ).toEqual({
      code: 'unknown_error',
      message: 'Invalid argument return_response=True when handler does not support responses',
    });
    expect(
      (
        await client.command({
          type: 'call_service',
          domain: 'script',
          service: 'goodnight',
          return_response: true,
        })
      ).result,
    ).toEqual({ context: expect.any(Object), response: null });
  });

  it('refuses a named entity that lacks the feature a service needs (home_assistant_error)', async () => {
    const { call, state } = await setup();
    expect(
      await call(
        'cover',
        'set_cover_position',
        { position: 50 },
        { entity_id: 'cover.garage_door' },
      ),
    ).toMatchObject(
      failure('home_assistant_error', 'Entity cover.garage_door does not support this service.'),
    );
    expect(
      await call('media_player', 'media_play', undefined, {
        entity_id: 'media_player.kitchen_radio',
      }),
    ).toMatchObject(
      failure(
        'home_assistant_error',
        'Entity media_player.kitchen_radio does not support this service.',
      ),
    );
    // Reached through an area, it is skipped quietly.
    expect(
      await call(
        'cover',
        'set_cover_position',
        { position: 50 },
        { area_id: ['garage', 'living_room'] },
      ),
    ).toMatchObject(ok);
    expect(state('cover.living_room_blinds').attributes.current_position).toBe(50);
  });
});

describe('call_service: effects per domain', () => {
  it('light: on, off, toggle, brightness and brightness_pct (clamped, rounded like Python)', async () => {
    const { call, state } = await setup();
    await call('light', 'turn_on', { brightness: 300 }, { entity_id: 'light.bedroom' });
    expect(state('light.bedroom')).toMatchObject({
      state: 'on',
      attributes: { brightness: 255, color_mode: 'brightness' },
    });
    await call('light', 'turn_on', { brightness_pct: 30 }, { entity_id: 'light.bedroom' });
    expect(state('light.bedroom').attributes.brightness).toBe(76);
    await call('light', 'turn_on', { brightness_step_pct: -10 }, { entity_id: 'light.bedroom' });
    expect(state('light.bedroom').attributes.brightness).toBe(50);
    await call('light', 'turn_off', undefined, { entity_id: 'light.bedroom' });
    expect(state('light.bedroom')).toMatchObject({
      state: 'off',
      attributes: { brightness: null, color_mode: null },
    });
    await call('light', 'toggle', undefined, { entity_id: 'light.bedroom' });
    expect(state('light.bedroom')).toMatchObject({ state: 'on', attributes: { brightness: 50 } });
    await call('light', 'turn_on', { brightness: 0 }, { entity_id: 'light.bedroom' });
    expect(state('light.bedroom').state).toBe('off');
    await call('light', 'turn_on', { brightness: 99 }, { entity_id: 'light.hallway' });
    expect(state('light.hallway')).toMatchObject({
      state: 'on',
      attributes: { color_mode: 'onoff' },
    });
    expect(state('light.hallway').attributes).not.toHaveProperty('brightness');
  });

  it("light: invalid values are invalid_format with voluptuous' message", async () => {
    const { call } = await setup();
    expect((await call('light', 'turn_on', { brightness_pct: 150 })).error).toEqual({
      code: 'invalid_format',
      message: "value must be at most 100 for dictionary value @ data['brightness_pct']",
    });
    expect((await call('light', 'turn_on', { brightness: 'bright' })).error.message).toBe(
      "expected int for dictionary value @ data['brightness']",
    );
    expect(
      (await call('light', 'turn_on', { brightness: 5, brightness_pct: 5 })).error.message,
    ).toBe("two or more values in the same group of exclusion 'brightness' @ data[<brightness>]");
    expect((await call('light', 'turn_on', { colour: 'red' })).error.message).toBe(
      "extra keys not allowed @ data['colour']",
    );
  });

  it('switch and input_boolean: on, off, toggle', async () => {
    const { call, state } = await setup();
    await call('switch', 'toggle', undefined, {
      entity_id: ['switch.coffee_machine', 'switch.tv_socket'],
    });
    expect([state('switch.coffee_machine').state, state('switch.tv_socket').state]).toEqual([
      'on',
      'off',
    ]);
    await call('input_boolean', 'turn_on', { entity_id: 'input_boolean.guest_mode' });
    expect(state('input_boolean.guest_mode').state).toBe('on');
    await call('input_boolean', 'turn_off', { entity_id: 'input_boolean.guest_mode' });
    expect(state('input_boolean.guest_mode').state).toBe('off');
  });

  it('fan: percentage, presets, and an unknown preset is a service_validation_error', async () => {
    const { call, state } = await setup();
    const fan = { entity_id: 'fan.bedroom_fan' };
    await call('fan', 'turn_on', { percentage: 40 }, fan);
    expect(state('fan.bedroom_fan')).toMatchObject({ state: 'on', attributes: { percentage: 40 } });
    await call('fan', 'set_preset_mode', { preset_mode: 'sleep' }, fan);
    expect(state('fan.bedroom_fan').attributes).toMatchObject({
      preset_mode: 'sleep',
      percentage: null,
    });
    await call('fan', 'set_percentage', { percentage: 0 }, fan);
    expect(state('fan.bedroom_fan').state).toBe('off');
    expect((await call('fan', 'set_preset_mode', { preset_mode: 'turbo' }, fan)).error).toEqual({
      code: 'service_validation_error',
      message:
        "Validation error: The preset_mode turbo is not a valid preset_mode: ['auto', 'sleep']",
      translation_key: 'not_valid_preset_mode',
      translation_domain: 'fan',
      translation_placeholders: { preset_mode: 'turbo', preset_modes: 'auto, sleep' },
    });
  });

  it('cover: open, close, stop, toggle and position', async () => {
    const { call, state } = await setup();
    await call('cover', 'open_cover', undefined, { entity_id: 'cover.garage_door' });
    expect(state('cover.garage_door').state).toBe('open');
    await call('cover', 'toggle', undefined, { entity_id: 'cover.garage_door' });
    expect(state('cover.garage_door').state).toBe('closed');
    const window = { entity_id: 'cover.bedroom_window' };
    await call('cover', 'set_cover_position', { position: 0 }, window);
    expect(state('cover.bedroom_window')).toMatchObject({
      state: 'closed',
      attributes: { current_position: 0 },
    });
    await call('cover', 'open_cover', undefined, window);
    expect(state('cover.bedroom_window').attributes.current_position).toBe(100);
    expect(await call('cover', 'stop_cover', undefined, window)).toMatchObject(ok);
    expect((await call('cover', 'set_cover_position', { position: 101 }, window)).error.code).toBe(
      'invalid_format',
    );
  });

  it('lock: lock and unlock', async () => {
    const { call, state } = await setup();
    await call('lock', 'lock', undefined, { entity_id: 'lock.back_door' });
    expect(state('lock.back_door').state).toBe('locked');
    await call('lock', 'unlock', { code: 1234 }, { entity_id: 'lock.front_door' });
    expect(state('lock.front_door').state).toBe('unlocked');
  });

  it('scene: its state becomes the activation time and its members take their states', async () => {
    const { call, state } = await setup();
    await call('scene', 'turn_on', undefined, { entity_id: 'scene.movie_night' });
    // Python's isoformat() drops the fraction when the microseconds are 0 (1 time in 1,000 here).
    expect(state('scene.movie_night').state).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/,
    );
    expect(state('light.living_room_ceiling')).toMatchObject({
      state: 'on',
      attributes: { brightness: 60 },
    });
    expect(state('light.living_room_lamp')).toMatchObject({
      state: 'on',
      attributes: { brightness: 120 },
    });
  });

  it('script: script.turn_on and script.<name> run its actions and stamp last_triggered', async () => {
    const { call, state } = await setup();
    await call('script', 'goodnight');
    expect(state('lock.back_door').state).toBe('locked');
    expect(state('light.kitchen').state).toBe('off');
    expect(state('script.goodnight')).toMatchObject({
      state: 'off',
      attributes: { current: 0, last_triggered: expect.any(String) },
    });
    await call('script', 'turn_on', undefined, { entity_id: 'script.leave_home' });
    expect(state('cover.garage_door').state).toBe('closed');
    expect(state('script.leave_home').attributes.last_triggered).not.toBeNull();
  });

  it('button: press sets the state to the time of the press', async () => {
    const { call, state } = await setup();
    await call('button', 'press', undefined, { entity_id: 'button.ring_chime' });
    expect(Date.parse(state('button.ring_chime').state)).toBeGreaterThan(0);
  });

  it('automation: toggle, and trigger runs the actions in a context of its own', async () => {
    const { sim, call, state } = await setup();
    await call('automation', 'toggle', undefined, { entity_id: 'automation.morning_coffee' });
    expect(state('automation.morning_coffee').state).toBe('on');
    const reply = await call('automation', 'trigger', undefined, {
      entity_id: 'automation.morning_coffee',
    });
    expect(state('switch.coffee_machine')).toMatchObject({
      state: 'on',
      context: { parent_id: reply.result.context.id, user_id: null },
    });
    expect(state('automation.morning_coffee').attributes.last_triggered).not.toBeNull();
    expect(sim.serviceCalls.map((c) => `${c.domain}.${c.service}`)).toEqual([
      'automation.toggle',
      'automation.trigger',
    ]);
  });

  it('climate: temperature and HVAC mode, checked as HA 2024.1 checks them', async () => {
    const { call, state } = await setup();
    const thermostat = { entity_id: 'climate.living_room' };
    await call('climate', 'set_temperature', { temperature: 22.5 }, thermostat);
    expect(state('climate.living_room').attributes.temperature).toBe(22.5);
    await call('climate', 'set_hvac_mode', { hvac_mode: 'cool' }, thermostat);
    expect(state('climate.living_room').state).toBe('cool');
    expect(
      (await call('climate', 'set_hvac_mode', { hvac_mode: 'warm' }, thermostat)).error.message,
    ).toBe(
      "expected HVACMode or one of 'off', 'heat', 'cool', 'heat_cool', 'auto', 'dry', 'fan_only' for dictionary value @ data['hvac_mode']",
    );
    expect((await call('climate', 'set_temperature', {}, thermostat)).error).toEqual({
      code: 'invalid_format',
      message: 'must contain at least one of temperature, target_temp_high, target_temp_low.',
    });
  });

  it('media_player: play, pause, play/pause; off drops the media attributes and on brings them back', async () => {
    const { call, state } = await setup();
    const speaker = { entity_id: 'media_player.living_room_speaker' };
    await call('media_player', 'media_play', undefined, speaker);
    expect(state('media_player.living_room_speaker').state).toBe('playing');
    await call('media_player', 'media_pause', undefined, speaker);
    expect(state('media_player.living_room_speaker').state).toBe('paused');
    await call('media_player', 'media_play_pause', undefined, speaker);
    expect(state('media_player.living_room_speaker').state).toBe('playing');
    await call('media_player', 'turn_off', undefined, speaker);
    expect(state('media_player.living_room_speaker').attributes).not.toHaveProperty('volume_level');
    await call('media_player', 'turn_on', undefined, speaker);
    expect(state('media_player.living_room_speaker')).toMatchObject({
      state: 'idle',
      attributes: { volume_level: 0.4 },
    });
  });

  it('homeassistant.toggle: each target through its own domain', async () => {
    const { call, state } = await setup();
    await call('homeassistant', 'toggle', undefined, {
      entity_id: ['switch.coffee_machine', 'light.kitchen', 'sensor.office_co2'],
    });
    expect([state('switch.coffee_machine').state, state('light.kitchen').state]).toEqual([
      'on',
      'off',
    ]);
  });
});

describe('call_service over a real connection cut', () => {
  it('has run the service even if the answer never arrives', async () => {
    const { sim, client } = await setup();
    sim.setResponseDelay(60_000);
    client.sendJson({
      id: 99,
      type: 'call_service',
      domain: 'lock',
      service: 'unlock',
      target: { entity_id: 'lock.front_door' },
    });
    await waitForCall(sim);
    await sim.restart({ downMs: 1 });
    await client.closed;
    expect(sim.getState('lock.front_door')!.state).toBe('unlocked');
  });
});

async function waitForCall(sim: HaSimulator): Promise<void> {
  while (sim.serviceCalls.length === 0) await new Promise((resolve) => setImmediate(resolve));
}
