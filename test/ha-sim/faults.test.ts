import { describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { waitFor } from '../support/wait-for';
import { bearer, useSimulator } from './test-helpers';

const { start, login, connect } = useSimulator();

describe('restart, stop and start', () => {
  it('restart closes every socket, refuses connections while down and returns on the same port', async () => {
    const sim = await start();
    const port = sim.port;
    const client = await login(sim);
    // Down long enough for the refused connection to land inside it on a loaded machine.
    const restarting = sim.restart({ downMs: 2_000 });
    expect((await client.closed).code).toBe(1000);
    await expect(RawClient.connect(sim.url)).rejects.toThrow(/ECONNREFUSED/);
    await restarting;
    expect(sim.port).toBe(port);
    expect((await (await connect(sim)).auth(sim.token)).type).toBe('auth_ok');
  });

  it('keeps states while down, with the changes made meanwhile, and tells a new subscriber', async () => {
    const sim = await start();
    await sim.stop();
    sim.setState('light.kitchen', 'off');
    sim.setState('sensor.added_while_away', '7');
    sim.removeEntity('lock.back_door');
    await sim.start();
    const client = await login(sim);
    const id = await client.subscribe({ type: 'subscribe_entities' });
    const { a } = await client.nextEvent(id);
    expect(a['light.kitchen'].s).toBe('off');
    expect(a['sensor.added_while_away'].s).toBe('7');
    expect(a).not.toHaveProperty('lock.back_door');
  });

  it('answers 503 to REST and to the WebSocket upgrade while stopping, then comes back starting', async () => {
    const sim = await start();
    // Stopping lasts until both requests were answered: a fixed 100 ms window lost the race on a
    // loaded machine (ECONNRESET once the port had closed).
    let stopped!: () => void;
    const stoppingUntil = new Promise<void>((resolve) => (stopped = resolve));
    const restarting = sim.restart({ stoppingUntil, downMs: 1, startingMs: 60_000 });
    expect((await fetch(`${sim.url}/api/`, bearer(sim.token))).status).toBe(503);
    await expect(RawClient.connect(sim.url)).rejects.toThrow('HTTP 503');
    stopped();
    await restarting;
    const client = await login(sim);
    expect((await client.command({ type: 'get_config' })).result.state).toBe('NOT_RUNNING');
  });
});

describe('starting', () => {
  it('get_config says NOT_RUNNING and config/* commands are unknown until started', async () => {
    const sim = await start();
    const client = await login(sim);
    sim.setStarting(true);
    expect((await client.command({ type: 'get_config' })).result.state).toBe('NOT_RUNNING');
    expect(
      (await client.command({ type: 'config/entity_registry/list_for_display' })).error.code,
    ).toBe('unknown_command');
    expect((await client.command({ type: 'config/area_registry/list' })).error.code).toBe(
      'unknown_command',
    );
    sim.setStarting(false);
    expect((await client.command({ type: 'config/area_registry/list' })).success).toBe(true);
  });
});

describe('half-open', () => {
  it('answers nothing at all and closes nothing, then answers again', async () => {
    const sim = await start();
    const client = await login(sim);
    const id = await client.subscribe({ type: 'subscribe_entities' });
    await client.nextEvent(id);
    const framesBefore = client.frames.length;
    sim.setHalfOpen(true);
    client.sendJson({ id: 50, type: 'ping' });
    sim.setState('light.kitchen', 'off');
    let pongFrame = false;
    client.socket.once('pong', () => (pongFrame = true));
    client.socket.ping();
    const rest = fetch(`${sim.url}/api/`, {
      ...bearer(sim.token),
      signal: AbortSignal.timeout(200),
    });
    await expect(rest).rejects.toThrow();
    expect(client.frames.length).toBe(framesBefore);
    expect([pongFrame, client.socket.readyState]).toEqual([false, client.socket.OPEN]);

    sim.setHalfOpen(false);
    expect(await client.commandWithId(51, { type: 'ping' })).toEqual({ id: 51, type: 'pong' });
  });
});

describe('slow responses and malformed frames', () => {
  it('delays results, not events', async () => {
    const sim = await start();
    const client = await login(sim);
    const id = await client.subscribe({ type: 'subscribe_events', event_type: 'state_changed' });
    // A delay far longer than any scheduling hiccup on a loaded machine: the order then says
    // whether events wait for results, not how fast this machine is (a 5 ms timer race did).
    sim.setResponseDelay(1_000);
    const order: string[] = [];
    const pong = client.command({ type: 'ping' }).then(() => order.push('pong'));
    sim.setState('light.kitchen', 'off');
    await client.nextEvent(id);
    order.push('event');
    await pong;
    expect(order).toEqual(['event', 'pong']);
  });

  it('sends a frame that is not JSON to authenticated clients only, and keeps them connected', async () => {
    const sim = await start();
    const authenticated = await login(sim);
    const waiting = await connect(sim);
    sim.sendMalformedFrame();
    expect((await authenticated.command({ type: 'ping' })).type).toBe('pong');
    expect(authenticated.frames.some((f) => f === '{"id": 1, "type": "res')).toBe(true);
    expect(waiting.frames).toHaveLength(1);
  });
});

describe('held service calls', () => {
  it('holds call_service until released: no state change and no answer meanwhile, then both', async () => {
    const sim = await start();
    const client = await login(sim);
    sim.holdServiceCalls();
    const reply = client.command({
      type: 'call_service',
      domain: 'light',
      service: 'turn_off',
      target: { entity_id: 'light.kitchen' },
    });
    await waitFor(() => sim.heldServiceCalls === 1, 'the call to be held');
    expect(sim.getState('light.kitchen')!.state).toBe('on');
    expect(sim.serviceCalls).toEqual([]);
    sim.releaseServiceCalls();
    expect((await reply).success).toBe(true);
    expect(sim.getState('light.kitchen')!.state).toBe('off');
    expect(sim.heldServiceCalls).toBe(0);
  });
});

describe('background events', () => {
  it('changes sensors at the configured rate', async () => {
    const sim = await start({ eventRatePerSecond: 500 });
    const client = await login(sim);
    const id = await client.subscribe({ type: 'subscribe_entities' });
    await client.nextEvent(id);
    const { c } = await client.nextEvent(id);
    for (const entityId of Object.keys(c)) expect(entityId).toMatch(/^(binary_)?sensor\./);
  });
});
