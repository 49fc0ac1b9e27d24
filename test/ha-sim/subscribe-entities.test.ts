import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();

/** "2024-01-05T12:00:00.123456+00:00" -> 1704456000.123456 */
const epochSeconds = (iso: string) => {
  const [, whole, fraction = '0'] = /^(.{19})(?:\.(\d{6}))?/.exec(iso)!;
  return Date.parse(`${whole}Z`) / 1000 + Number(fraction) / 1e6;
};

async function subscribed(
  options: Parameters<typeof start>[0] = {},
  message: Record<string, unknown> = {},
) {
  const sim = await start(options);
  const client = await login(sim);
  const id = await client.subscribe({ type: 'subscribe_entities', ...message });
  const snapshot = await client.nextEvent(id);
  return { sim, client, id, snapshot, next: () => client.nextEvent(id) };
}

describe('subscribe_entities', () => {
  it('answers null, then one event with every entity in compressed form', async () => {
    const sim = await start();
    const client = await login(sim);
    client.sendJson({ id: 1, type: 'subscribe_entities' });
    const [result, event] = [
      await client.next((m) => m.id === 1),
      await client.next((m) => m.id === 1),
    ];
    expect(result).toEqual({ id: 1, type: 'result', success: true, result: null });
    expect(Object.keys(event.event.a).sort()).toEqual(
      sim
        .states()
        .map((s) => s.entity_id)
        .sort(),
    );
    const kitchen = sim.getState('light.kitchen')!;
    expect(event.event.a['light.kitchen']).toEqual({
      s: 'on',
      a: kitchen.attributes,
      c: kitchen.context.id,
      lc: expect.closeTo(epochSeconds(kitchen.last_changed), 6),
    });
  });

  it('sends a change as a diff: new state and lc, only the changed attributes, removed ones under "-"', async () => {
    const { sim, next } = await subscribed();
    sim.setState('light.kitchen', 'off', {
      friendly_name: 'Kitchen lights',
      brightness: null,
      color_mode: null,
    });
    const event = await next();
    const after = sim.getState('light.kitchen')!;
    expect(event).toEqual({
      c: {
        'light.kitchen': {
          '+': {
            s: 'off',
            lc: expect.closeTo(epochSeconds(after.last_changed), 6),
            c: after.context.id,
            a: { brightness: null, color_mode: null },
          },
          '-': { a: ['supported_color_modes', 'supported_features'] },
        },
      },
    });
  });

  it('sends lu instead of lc for an attribute-only change, and lu in the snapshot only when it differs', async () => {
    const { sim, client, next } = await subscribed();
    sim.setState('sensor.living_room_temperature', '21.5', {
      ...sim.getState('sensor.living_room_temperature')!.attributes,
      friendly_name: 'Lounge temperature',
    });
    const change = (await next()).c['sensor.living_room_temperature']['+'];
    expect(Object.keys(change).sort()).toEqual(['a', 'c', 'lu']);
    const id = await client.subscribe({ type: 'subscribe_entities' });
    const { a } = await client.nextEvent(id);
    expect(a['sensor.living_room_temperature'].lu).toBe(change.lu);
    expect(a['sensor.living_room_temperature'].lu).toBeGreaterThan(
      a['sensor.living_room_temperature'].lc,
    );
    expect(a['sensor.living_room_humidity']).not.toHaveProperty('lu');
  });

  it('carries a context as an object when it has a user, and changes of one call in one event', async () => {
    const { sim, client, next } = await subscribed();
    const reply = await client.command({
      type: 'call_service',
      domain: 'light',
      service: 'turn_off',
      target: { entity_id: ['light.kitchen', 'light.living_room_ceiling'] },
    });
    const event = await next();
    expect(Object.keys(event.c).sort()).toEqual(['light.kitchen', 'light.living_room_ceiling']);
    expect(event.c['light.kitchen']['+'].c).toEqual({
      user_id: sim.owner.id,
      id: reply.result.context.id,
    });
    const id = await client.subscribe({ type: 'subscribe_entities' });
    expect((await client.nextEvent(id)).a['light.kitchen'].c).toEqual({
      id: reply.result.context.id,
      parent_id: null,
      user_id: sim.owner.id,
    });
  });

  it('sends the change before the result of the call that made it', async () => {
    const { client, id } = await subscribed();
    client.sendJson({
      id: 50,
      type: 'call_service',
      domain: 'switch',
      service: 'toggle',
      target: { entity_id: 'switch.coffee_machine' },
    });
    await client.next((m) => m.id === 50 && m.type === 'result');
    const order = client.frames
      .map((f) => JSON.parse(f))
      .filter((m) => m.id === id || m.id === 50)
      .map((m) => m.type);
    expect(order.slice(-2)).toEqual(['event', 'result']);
  });

  it('sends added entities as "a" and removed ones as "r"', async () => {
    const { sim, next } = await subscribed();
    sim.setState('sensor.new_one', '1', { unit_of_measurement: 'W' });
    expect((await next()).a['sensor.new_one']).toMatchObject({
      s: '1',
      a: { unit_of_measurement: 'W' },
    });
    sim.removeEntity('lock.back_door');
    expect(await next()).toEqual({ r: ['lock.back_door'] });
  });

  it('puts several changes made together in one event, one entry per entity', async () => {
    const { sim, next } = await subscribed();
    sim.setState('switch.coffee_machine', 'on');
    sim.setState('switch.coffee_machine', 'off');
    sim.setState('sensor.added', '3');
    sim.removeEntity('lock.front_door');
    const event = await next();
    expect(Object.keys(event.c)).toEqual(['switch.coffee_machine']);
    expect(event.c['switch.coffee_machine']['+']).not.toHaveProperty('s');
    expect(Object.keys(event.a)).toEqual(['sensor.added']);
    expect(event.r).toEqual(['lock.front_door']);
  });

  it('splits the event when an entity is removed and added again at once, as clients apply "a" before "r"', async () => {
    const { sim, next } = await subscribed();
    sim.removeEntity('lock.front_door');
    sim.setState('lock.front_door', 'unlocked', { friendly_name: 'Front door' });
    expect(await next()).toEqual({ r: ['lock.front_door'] });
    expect((await next()).a['lock.front_door']).toMatchObject({ s: 'unlocked' });
  });

  it('follows only the entity_ids asked for; an empty list means all', async () => {
    const { sim, snapshot, next } = await subscribed(
      {},
      { entity_ids: ['light.kitchen', 'Lock.Front_Door'] },
    );
    expect(Object.keys(snapshot.a).sort()).toEqual(['light.kitchen', 'lock.front_door']);
    sim.setState('switch.coffee_machine', 'on');
    sim.setState('lock.front_door', 'unlocked');
    expect(Object.keys((await next()).c)).toEqual(['lock.front_door']);
    const all = await subscribed({}, { entity_ids: [] });
    expect(Object.keys(all.snapshot.a)).toHaveLength(all.sim.states().length);
  });

  it('refuses entity_ids that are not entity ids', async () => {
    const client = await login(await start());
    expect(
      (await client.command({ type: 'subscribe_entities', entity_ids: ['kitchen'] })).error,
    ).toEqual({
      code: 'invalid_format',
      message: "Entity ID kitchen is an invalid entity ID @ data['entity_ids'][0]. Got 'kitchen'",
    });
  });

  it('stops after unsubscribe_events; an unknown subscription is not_found', async () => {
    const { sim, client, id } = await subscribed();
    expect(await client.command({ type: 'unsubscribe_events', subscription: id })).toMatchObject({
      success: true,
      result: null,
    });
    sim.setState('light.kitchen', 'off');
    await client.command({ type: 'ping' });
    expect(client.messages.filter((m) => m.type === 'event')).toEqual([]);
    expect((await client.command({ type: 'unsubscribe_events', subscription: id })).error).toEqual({
      code: 'not_found',
      message: 'Subscription not found.',
    });
  });
});
