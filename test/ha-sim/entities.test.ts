import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { defaultHome, startSimulator, type HaSimulator } from './index';

let sim: HaSimulator;
let client: RawClient;

beforeEach(async () => {
  sim = await startSimulator();
  client = await RawClient.authenticated(sim.url, sim.token);
});
afterEach(async () => {
  client.close();
  await sim.close();
});

describe('the default home', () => {
  it('has about 40 entities across every domain the app handles, in areas', () => {
    const home = defaultHome();
    expect(home.length).toBeGreaterThanOrEqual(38);
    const domains = new Set(home.map((e) => e.entity_id.split('.')[0]));
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
      'sensor',
      'binary_sensor',
    ]) {
      expect(domains).toContain(domain);
    }
    expect(new Set(home.map((e) => e.area_id).filter(Boolean)).size).toBeGreaterThanOrEqual(
      6,
    );
    expect(
      home.find((e) => e.entity_id === 'sensor.living_room_temperature')!.attributes,
    ).toMatchObject({ unit_of_measurement: '°C', device_class: 'temperature' });
    expect(home.some((e) => e.state === 'unavailable')).toBe(true);
  });
});

describe('subscribe_entities', () => {
  it('sends null, then a compressed snapshot of every entity', async () => {
    const id = await client.subscribe({ type: 'subscribe_entities' });
    const snapshot = await client.nextEvent(id);
    expect(Object.keys(snapshot.a)).toHaveLength(sim.states().length);
    const kitchen = snapshot.a['light.kitchen'];
    expect(kitchen).toMatchObject({
      s: 'on',
      a: { brightness: 255, friendly_name: 'Kitchen lights' },
    });
    expect(typeof kitchen.c).toBe('string');
    expect(typeof kitchen.lc).toBe('number');
    expect(kitchen.lu).toBeUndefined();
  });

  it('filters by entity_ids', async () => {
    const id = await client.subscribe({
      type: 'subscribe_entities',
      entity_ids: ['light.kitchen', 'lock.front_door'],
    });
    expect(Object.keys((await client.nextEvent(id)).a).sort()).toEqual([
      'light.kitchen',
      'lock.front_door',
    ]);
  });

  it('sends diffs with only what changed, and the caller as context user', async () => {
    const id = await client.subscribe({ type: 'subscribe_entities' });
    await client.nextEvent(id);
    await client.command({
      type: 'call_service',
      domain: 'light',
      service: 'turn_on',
      service_data: { brightness: 100 },
      target: { entity_id: 'light.kitchen' },
    });
    const change = await client.nextEvent(id, (e) => e.c?.['light.kitchen']);
    const diff = change.c['light.kitchen'];
    // Same state: no `s`, and last_updated moved while last_changed did not.
    expect(diff['+'].s).toBeUndefined();
    expect(diff['+'].a).toEqual({ brightness: 100 });
    expect(typeof diff['+'].lu).toBe('number');
    expect(diff['+'].lc).toBeUndefined();
    expect(diff['+'].c).toMatchObject({ user_id: sim.owner.id });
  });

  it('reports removed attributes, additions and removals, several entities per event', async () => {
    const id = await client.subscribe({ type: 'subscribe_entities' });
    await client.nextEvent(id);
    sim.setState('sensor.new_one', '1', { unit_of_measurement: 'W' });
    sim.setState('switch.coffee_machine', 'on', { friendly_name: 'Coffee machine' });
    sim.removeEntity('lock.back_door');
    const batch = await client.nextEvent(id);
    expect(batch.a['sensor.new_one']).toMatchObject({ s: '1', a: { unit_of_measurement: 'W' } });
    expect(batch.c['switch.coffee_machine']).toMatchObject({
      '+': { s: 'on' },
      '-': { a: ['icon'] },
    });
    expect(typeof batch.c['switch.coffee_machine']['+'].lc).toBe('number');
    expect(batch.r).toEqual(['lock.back_door']);
  });

  it('stops sending after unsubscribe_events and reports unknown subscriptions', async () => {
    const id = await client.subscribe({ type: 'subscribe_entities' });
    await client.nextEvent(id);
    expect((await client.command({ type: 'unsubscribe_events', subscription: id })).success).toBe(
      true,
    );
    expect((await client.command({ type: 'unsubscribe_events', subscription: id })).error).toEqual({
      code: 'not_found',
      message: 'Subscription not found.',
    });
    sim.setState('light.kitchen', 'off');
    await client.command({ type: 'ping' });
    expect(client.messages.filter((m) => m.type === 'event')).toEqual([]);
  });
});

describe('subscribe_events state_changed', () => {
  it('sends old and new states in full', async () => {
    const id = await client.subscribe({ type: 'subscribe_events', event_type: 'state_changed' });
    sim.setState('binary_sensor.front_door', 'on');
    const event = await client.nextEvent(id);
    expect(event).toMatchObject({
      event_type: 'state_changed',
      data: {
        entity_id: 'binary_sensor.front_door',
        old_state: { state: 'off' },
        new_state: { state: 'on', attributes: { device_class: 'door' } },
      },
      origin: 'LOCAL',
    });
    expect(event.data.new_state.last_changed).toMatch(/\+00:00$/);
  });
});

describe('get_states', () => {
  it('returns full states', async () => {
    const states = (await client.command({ type: 'get_states' })).result;
    expect(
      states.find((s: { entity_id: string }) => s.entity_id === 'lock.front_door'),
    ).toMatchObject({ state: 'locked', context: { parent_id: null, user_id: null } });
  });
});
