import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { entityFilter, type FilterPart } from './entities/entity-filter';
import { Faults } from './faults';
import { generationOf } from './index';
import { bearer, useSimulator } from './test-helpers';
import { SimConnection } from './ws/connection';

const { start, login, connect } = useSimulator();
const HA_2026 = { haVersion: '2026.2.3' };
const DAY_MS = 86_400_000;

describe('which Home Assistant the simulator copies', () => {
  it('2024.1.x and 2026.2.x versions; any other is refused in plain words', () => {
    expect(generationOf('2024.1.5')).toBe('2024.1');
    expect(generationOf('2026.2.3')).toBe('2026.2');
    expect(() => generationOf('2025.1.0')).toThrow(
      'The simulator speaks Home Assistant 2024.1.x and 2026.2.x, not "2025.1.0".',
    );
  });
});

describe('2026.2: token expiry', () => {
  it('deletes a long-lived token with expiry switched on 90 days after it was made, closing its sockets', async () => {
    let now = Date.UTC(2026, 0, 10);
    const sim = await start({ ...HA_2026, now: () => new Date(now) });
    const owner = await login(sim);
    const token: string = (
      await owner.command({
        type: 'auth/long_lived_access_token',
        client_name: 'x',
        lifespan: 3650,
      })
    ).result;
    const listed = async () =>
      (
        (await owner.command({ type: 'auth/refresh_tokens' })).result as Array<
          Record<string, unknown>
        >
      ).find((t) => t.client_name === 'x');
    const { id } = (await listed())!;
    expect(
      (
        await owner.command({
          type: 'auth/refresh_token_set_expiry',
          refresh_token_id: id,
          enable_expiry: true,
        })
      ).result,
    ).toEqual({});
    expect((await listed())!.expire_at).toBe('2026-04-10T00:00:00+00:00');
    const user = await login(sim, token);

    now += 90 * DAY_MS - 1;
    expect((await fetch(`${sim.url}/api/`, bearer(token))).status).toBe(200);
    now += 1;
    expect((await fetch(`${sim.url}/api/`, bearer(token))).status).toBe(401);
    await user.closed;
    expect(await listed()).toBeUndefined();
    expect((await (await connect(sim)).auth(token)).type).toBe('auth_invalid');
  });

  it('a login session expires 90 days after its last use; switching expiry off keeps a token', async () => {
    let now = Date.UTC(2026, 0, 10);
    const sim = await start({ ...HA_2026, now: () => new Date(now) });
    const owner = await login(sim);
    const tokens = async () =>
      (await owner.command({ type: 'auth/refresh_tokens' })).result as Array<
        Record<string, unknown>
      >;
    const session = (await tokens()).find((t) => t.type === 'normal')!;
    expect(session.expire_at).toBe('2026-04-10T00:00:00+00:00');
    await owner.command({
      type: 'auth/refresh_token_set_expiry',
      refresh_token_id: session.id,
      enable_expiry: false,
    });
    now += 365 * DAY_MS;
    expect((await tokens()).find((t) => t.id === session.id)?.expire_at).toBeNull();
  });

  it('2024.1 has neither expiry nor expire_at', async () => {
    const owner = await login(await start());
    const tokens = (await owner.command({ type: 'auth/refresh_tokens' })).result as object[];
    for (const token of tokens) expect(token).not.toHaveProperty('expire_at');
  });
});

describe('auth/delete_all_refresh_tokens', () => {
  it('2026.2: token_type limits it; the current token goes 2 s after the answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const sim = await start(HA_2026);
      const other = sim.createLongLivedToken(sim.owner.id, 'other');
      const owner = await login(sim);
      expect(
        (await owner.command({ type: 'auth/delete_all_refresh_tokens', token_type: 'normal' }))
          .result,
      ).toEqual({});
      const types = sim.refreshTokens(sim.owner.id).map((t) => t.type);
      expect(types).toEqual(['long_lived_access_token', 'long_lived_access_token']);

      expect((await owner.command({ type: 'auth/delete_all_refresh_tokens' })).result).toEqual({});
      expect(sim.refreshTokens(sim.owner.id).map((t) => t.client_name)).toEqual(['HA Tray tests']);
      expect((await owner.command({ type: 'ping' })).type).toBe('pong');
      vi.advanceTimersByTime(2000);
      await owner.closed;
      expect(sim.refreshTokens(sim.owner.id)).toEqual([]);
      expect((await (await connect(sim)).auth(other)).type).toBe('auth_invalid');
    } finally {
      vi.useRealTimers();
    }
  });

  it('2026.2: delete_current_token false keeps the current one', async () => {
    const sim = await start(HA_2026);
    const owner = await login(sim);
    await owner.command({ type: 'auth/delete_all_refresh_tokens', delete_current_token: false });
    expect(sim.refreshTokens(sim.owner.id).map((t) => t.client_name)).toEqual(['HA Tray tests']);
  });

  it('2024.1: every token goes, the current one right after the answer', async () => {
    const sim = await start();
    const owner = await login(sim);
    expect((await owner.command({ type: 'auth/delete_all_refresh_tokens' })).result).toEqual({});
    await owner.closed;
    expect(sim.refreshTokens(sim.owner.id)).toEqual([]);
  });
});

describe('2026.2: states', () => {
  it('last_reported moves on a write that changes nothing, without an event; 2024.1 has no such field', async () => {
    const sim = await start(HA_2026);
    const client = await login(sim);
    const id = await client.subscribe({
      type: 'subscribe_entities',
      entity_ids: ['switch.heater'],
    });
    await client.nextEvent(id);
    const before = sim.getState('switch.heater')!;
    expect(before.last_reported).toBe(before.last_updated);
    sim.setState('switch.heater', before.state);
    const after = sim.getState('switch.heater')!;
    expect(after.last_updated).toBe(before.last_updated);
    expect(after.last_reported! > before.last_reported!).toBe(true);
    expect(Object.keys(after)).toEqual([
      'entity_id',
      'state',
      'attributes',
      'last_changed',
      'last_reported',
      'last_updated',
      'context',
    ]);
    sim.setState('switch.heater', 'on');
    const event = await client.nextEvent(id);
    expect(Object.keys(event)).toEqual(['c']);

    const old = await start();
    expect(old.getState('switch.heater')).not.toHaveProperty('last_reported');
  });
});

const part = (p: Partial<FilterPart>): FilterPart => ({
  domains: [],
  entity_globs: [],
  entities: [],
  ...p,
});

describe('subscribe_entities filters (helpers/entityfilter.py)', () => {
  const ids = ['light.a', 'light.b', 'switch.a', 'sensor.power_1', 'sensor.temp_1'];
  const pass = (include: Partial<FilterPart>, exclude: Partial<FilterPart>) => {
    const filter = entityFilter(part(include), part(exclude));
    return filter ? ids.filter(filter) : 'no filter';
  };

  it('follows the six cases', () => {
    expect(pass({}, {})).toBe('no filter');
    expect(pass({ domains: ['light'], entities: ['switch.a'] }, {})).toEqual([
      'light.a',
      'light.b',
      'switch.a',
    ]);
    expect(pass({}, { entity_globs: ['sensor.*_1'], entities: ['light.b'] })).toEqual([
      'light.a',
      'switch.a',
    ]);
    expect(
      pass(
        { domains: ['sensor'], entities: ['sensor.temp_1'] },
        { entity_globs: ['sensor.t*'], entities: ['light.a'] },
      ),
    ).toEqual(['sensor.power_1', 'sensor.temp_1']);
    expect(pass({ entities: ['light.b'] }, { domains: ['light'] })).toEqual([
      'light.b',
      'switch.a',
      'sensor.power_1',
      'sensor.temp_1',
    ]);
    expect(pass({ entities: ['light.b'] }, { entities: ['switch.a'] })).toEqual(['light.b']);
  });

  it('2024.1 refuses the keys', async () => {
    const client = await login(await start());
    expect(
      (await client.command({ type: 'subscribe_entities', exclude: { domains: ['sensor'] } }))
        .error,
    ).toMatchObject({ code: 'invalid_format' });
  });
});

/** A socket that records the frames it is given. */
function recordingSocket() {
  const frames: string[] = [];
  const socket = Object.assign(new EventEmitter(), {
    OPEN: 1,
    CONNECTING: 0,
    readyState: 1,
    send: (text: string) => frames.push(text),
    close: () => undefined,
  });
  return { socket: socket as unknown as WebSocket, frames };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the writer coalescing', () => {
  /** Messages queued in three successive ticks, each before the writer looks again. */
  const burst = async (acrossTicks: boolean) => {
    const { socket, frames } = recordingSocket();
    const conn = new SimConnection(socket, '127.0.0.1', new Faults(), () => undefined, acrossTicks);
    conn.coalesce = true;
    setImmediate(() => {
      conn.sendText('2');
      setImmediate(() => conn.sendText('3'));
    });
    conn.sendText('1');
    for (let i = 0; i < 6; i++) await tick();
    return frames;
  };

  it('2024.1 sends what one tick queued; 2026.2 waits while the queue keeps growing', async () => {
    expect(await burst(false)).toEqual(['[1,2]', '3']);
    expect(await burst(true)).toEqual(['[1,2,3]']);
  });
});
