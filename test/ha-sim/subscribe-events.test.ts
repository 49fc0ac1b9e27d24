import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();

describe('subscribe_events', () => {
  it('forwards state_changed with old and new state as Home Assistant serialises them', async () => {
    const sim = await start();
    const client = await login(sim);
    const id = await client.subscribe({ type: 'subscribe_events', event_type: 'state_changed' });
    const before = sim.getState('lock.front_door');
    sim.setState('lock.front_door', 'unlocked');
    const event = await client.nextEvent(id);
    const after = sim.getState('lock.front_door')!;
    expect(event).toEqual({
      event_type: 'state_changed',
      data: { entity_id: 'lock.front_door', old_state: before, new_state: after },
      origin: 'LOCAL',
      time_fired: expect.stringMatching(/\+00:00$/),
      context: after.context,
    });
    sim.removeEntity('lock.front_door');
    expect((await client.nextEvent(id)).data).toEqual({
      entity_id: 'lock.front_door',
      old_state: after,
      new_state: null,
    });
  });

  it('lets only admins subscribe to every event or to events outside the allowlist', async () => {
    const sim = await start();
    const guest = await login(sim, sim.createLongLivedToken(sim.createUser('Guest').id, 'guest'));
    const unauthorized = { code: 'unauthorized', message: 'Unauthorized' };
    expect((await guest.command({ type: 'subscribe_events' })).error).toEqual(unauthorized);
    expect(
      (await guest.command({ type: 'subscribe_events', event_type: 'call_service' })).error,
    ).toEqual(unauthorized);
    expect(
      (await guest.command({ type: 'subscribe_events', event_type: 'state_changed' })).success,
    ).toBe(true);
  });

  it('gives an admin every event without a type: call_service, then the state changes', async () => {
    const sim = await start();
    const admin = await login(sim);
    const id = await admin.subscribe({ type: 'subscribe_events' });
    await admin.command({
      type: 'call_service',
      domain: 'lock',
      service: 'lock',
      target: { entity_id: 'lock.back_door' },
    });
    const first = await admin.nextEvent(id);
    expect(first).toMatchObject({
      event_type: 'call_service',
      data: { domain: 'lock', service: 'lock', service_data: { entity_id: ['lock.back_door'] } },
      context: { user_id: sim.owner.id },
    });
    expect(await admin.nextEvent(id)).toMatchObject({
      event_type: 'state_changed',
      context: first.context,
    });
  });
});
