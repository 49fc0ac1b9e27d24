import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { startSimulator, type HaSimulator } from './index';

let sim: HaSimulator;
const clients: RawClient[] = [];
const track = (c: RawClient) => (clients.push(c), c);

beforeEach(async () => {
  sim = await startSimulator({ authTimeoutMs: 300 });
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await sim.close();
});

describe('auth phase', () => {
  it('asks for auth with its version and accepts a valid token', async () => {
    const client = track(await RawClient.connect(sim.url));
    expect(await client.auth(sim.token)).toEqual({ type: 'auth_ok', ha_version: '2024.1.6' });
  });

  it('answers a bad token with auth_invalid and closes the socket', async () => {
    const client = track(await RawClient.connect(sim.url));
    expect(await client.auth(`${sim.token}x`)).toEqual({
      type: 'auth_invalid',
      message: 'Invalid access token or password',
    });
    await client.closed;
    expect(sim.stats.authFailures).toBe(1);
  });

  it('rejects an auth message with extra keys such as an id', async () => {
    const client = track(await RawClient.connect(sim.url));
    client.sendJson({ id: 1, type: 'auth', access_token: sim.token });
    const reply = await client.next((m) => m.type === 'auth_invalid');
    expect(reply.message).toBe(
      "Auth message incorrectly formatted: extra keys not allowed @ data['id']. Got 1",
    );
    await client.closed;
  });

  it('closes a socket that does not authenticate in time, without a message', async () => {
    const client = track(await RawClient.connect(sim.url));
    await client.closed;
    expect(client.messages).toEqual([]);
  });

  it('drops a client that sends invalid JSON', async () => {
    const client = track(await RawClient.connect(sim.url));
    client.socket.send('{not json');
    await client.closed;
  });
});

describe('commands', () => {
  it('requires strictly increasing ids', async () => {
    const client = track(await RawClient.authenticated(sim.url, sim.token));
    expect(await client.commandWithId(5, { type: 'ping' })).toEqual({ id: 5, type: 'pong' });
    expect(await client.commandWithId(5, { type: 'ping' })).toEqual({
      id: 5,
      type: 'result',
      success: false,
      error: { code: 'id_reuse', message: 'Identifier values have to increase.' },
    });
    expect((await client.commandWithId(3, { type: 'get_config' })).error.code).toBe('id_reuse');
    expect((await client.commandWithId(9, { type: 'get_config' })).success).toBe(true);
  });

  it('rejects unknown commands, unknown keys and malformed messages', async () => {
    const client = track(await RawClient.authenticated(sim.url, sim.token));
    expect((await client.command({ type: 'no_such_command' })).error).toEqual({
      code: 'unknown_command',
      message: 'Unknown command.',
    });
    expect((await client.command({ type: 'get_states', bogus: 'x' })).error).toEqual({
      code: 'invalid_format',
      message: "extra keys not allowed @ data['bogus']. Got 'x'",
    });
    client.sendJson({ type: 'ping' });
    const malformed = await client.next(
      (m) =>
        m.type === 'result' &&
        m.success === false &&
        m.error.message === 'Message incorrectly formatted.',
    );
    expect(malformed.error.code).toBe('invalid_format');
  });

  it('accepts a JSON array of commands in one frame', async () => {
    const client = track(await RawClient.authenticated(sim.url, sim.token));
    client.socket.send(
      JSON.stringify([
        { id: 1, type: 'ping' },
        { id: 2, type: 'ping' },
      ]),
    );
    await client.next((m) => m.id === 1 && m.type === 'pong');
    await client.next((m) => m.id === 2 && m.type === 'pong');
  });

  it('coalesces messages into JSON arrays only after supported_features', async () => {
    const client = track(await RawClient.authenticated(sim.url, sim.token));
    client.socket.send(
      JSON.stringify([
        { id: 1, type: 'ping' },
        { id: 2, type: 'ping' },
      ]),
    );
    await client.next((m) => m.id === 2);
    expect(client.frames.some((f) => f.startsWith('['))).toBe(false);

    await client.commandWithId(3, {
      type: 'supported_features',
      features: { coalesce_messages: 1 },
    });
    client.frames.length = 0;
    client.socket.send(
      JSON.stringify([
        { id: 10, type: 'ping' },
        { id: 11, type: 'ping' },
      ]),
    );
    await client.next((m) => m.id === 11);
    expect(client.frames).toEqual(['[{"id":10,"type":"pong"},{"id":11,"type":"pong"}]']);
  });

  it('reports config, services, registries and the current user', async () => {
    const client = track(await RawClient.authenticated(sim.url, sim.token));
    const config = (await client.command({ type: 'get_config' })).result;
    expect(config).toMatchObject({ location_name: 'Home', version: '2024.1.6', state: 'RUNNING' });
    const services = (await client.command({ type: 'get_services' })).result;
    expect(Object.keys(services.light)).toEqual(
      expect.arrayContaining(['turn_on', 'turn_off', 'toggle']),
    );
    expect(services.script.goodnight).toBeDefined();
    const registry = (await client.command({ type: 'config/entity_registry/list_for_display' }))
      .result;
    expect(registry.entities).toContainEqual({ ei: 'light.kitchen', pl: 'demo', ai: 'kitchen' });
    const areas = (await client.command({ type: 'config/area_registry/list' })).result;
    expect(areas).toContainEqual({
      aliases: [],
      area_id: 'kitchen',
      name: 'Kitchen',
      picture: null,
    });
    const user = (await client.command({ type: 'auth/current_user' })).result;
    expect(user).toMatchObject({ id: sim.owner.id, name: 'Owner', is_owner: true, is_admin: true });
  });

  it('refuses subscribe_events without an event type to non-admins', async () => {
    const user = sim.createUser('Guest');
    const client = track(
      await RawClient.authenticated(sim.url, sim.createLongLivedToken(user.id, 'guest')),
    );
    expect((await client.command({ type: 'subscribe_events' })).error.code).toBe('unauthorized');
    expect(
      (await client.command({ type: 'subscribe_events', event_type: 'state_changed' })).success,
    ).toBe(true);
  });
});
