import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { startSimulator, type HaSimulator } from './index';

let sim: HaSimulator;
const clients: RawClient[] = [];

beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await sim.close();
});

async function open() {
  const c = await RawClient.authenticated(sim.url, sim.token);
  clients.push(c);
  return c;
}

describe('fault controls', () => {
  it('restart drops sockets, refuses connections while down, and comes back on the same port with the same states', async () => {
    const client = await open();
    sim.setState('light.kitchen', 'off');
    await sim.stop();
    await client.closed;
    await expect(RawClient.connect(sim.url)).rejects.toThrow(/ECONNREFUSED/);
    await sim.start();
    const again = await open();
    expect(
      (await again.command({ type: 'get_states' })).result.find(
        (s: { entity_id: string }) => s.entity_id === 'light.kitchen',
      ).state,
    ).toBe('off');
    await sim.restart({ downMs: 10 });
    await again.closed;
    await open();
  });

  it('half-open: answers nothing and keeps the socket open', async () => {
    const client = await open();
    sim.setHalfOpen(true);
    client.sendJson({ id: 50, type: 'ping' });
    await expect(client.next((m) => m.id === 50, 300)).rejects.toThrow('timed out');
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    sim.setHalfOpen(false);
    expect((await client.commandWithId(51, { type: 'ping' })).type).toBe('pong');
  });

  it('delays results when asked', async () => {
    const client = await open();
    sim.setResponseDelay(50);
    const order: string[] = [];
    const slow = client.command({ type: 'ping' }).then(() => order.push('pong'));
    setTimeout(() => order.push('timer'), 10);
    await slow;
    expect(order).toEqual(['timer', 'pong']);
  });

  it('sends malformed frames', async () => {
    const client = await open();
    sim.sendMalformedFrame();
    await client.command({ type: 'ping' });
    expect(client.frames.some((f) => f.startsWith('{"id": 1, "type": "res'))).toBe(true);
  });

  it('starting: get_config says NOT_RUNNING and config commands are unknown', async () => {
    const client = await open();
    sim.setStarting(true);
    expect((await client.command({ type: 'get_config' })).result.state).toBe('NOT_RUNNING');
    expect((await client.command({ type: 'config/area_registry/list' })).error.code).toBe(
      'unknown_command',
    );
    const rest = await fetch(`${sim.url}/api/config`, {
      headers: { Authorization: `Bearer ${sim.token}` },
    });
    expect(((await rest.json()) as { state: string }).state).toBe('NOT_RUNNING');
  });

  it('changes states at the configured background rate', async () => {
    const busy = await startSimulator({ eventRatePerSecond: 200 });
    try {
      const client = await RawClient.authenticated(busy.url, busy.token);
      clients.push(client);
      const id = await client.subscribe({ type: 'subscribe_entities' });
      await client.nextEvent(id);
      expect(await client.nextEvent(id)).toHaveProperty('c');
    } finally {
      await busy.close();
    }
  });
});

describe('scale', () => {
  it('serves a 10,000-entity snapshot', async () => {
    const big = await startSimulator({ home: { scale: 10_000 } });
    try {
      const client = await RawClient.authenticated(big.url, big.token);
      clients.push(client);
      const id = await client.subscribe({ type: 'subscribe_entities' });
      const snapshot = await client.nextEvent(id, () => true, 15_000);
      expect(Object.keys(snapshot.a)).toHaveLength(10_000);
      expect(snapshot.a['sensor.scale_00000']).toMatchObject({
        s: '0',
        a: { unit_of_measurement: '°C' },
      });
    } finally {
      await big.close();
    }
  });
});
