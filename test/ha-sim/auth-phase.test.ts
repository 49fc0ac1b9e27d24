import { describe, expect, it } from 'vitest';
import { useSimulator } from './test-helpers';

const { start, connect } = useSimulator();

describe('WebSocket auth phase', () => {
  it('asks for auth with its version and accepts a valid token', async () => {
    const sim = await start({ haVersion: '2024.1.5' });
    const client = await connect(sim);
    expect(client.messages).toEqual([]);
    expect(client.frames).toEqual(['{"type":"auth_required","ha_version":"2024.1.5"}']);
    expect(await client.auth(sim.token)).toEqual({ type: 'auth_ok', ha_version: '2024.1.5' });
    expect(sim.stats).toMatchObject({
      authAttempts: 1,
      authFailures: 0,
      connectionsOpened: 1,
      openSockets: 1,
    });
  });

  it.each([
    ['a tampered token', (t: string) => `${t.slice(0, -2)}xx`],
    [
      'a token of another Home Assistant',
      () =>
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ4IiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTl9.c2ln',
    ],
    ['a token longer than 8192 characters', (t: string) => t + 'a'.repeat(8192)],
    ['no token at all', () => undefined],
  ])('answers %s with auth_invalid and closes the socket', async (_name, tokenFor) => {
    const sim = await start();
    const client = await connect(sim);
    client.sendJson({ type: 'auth', access_token: tokenFor(sim.token) });
    expect(await client.next((m) => m.type === 'auth_invalid')).toEqual({
      type: 'auth_invalid',
      message: 'Invalid access token or password',
    });
    expect((await client.closed).code).toBe(1000);
    expect(sim.stats.authFailures).toBe(1);
  });

  it('refuses an expired token', async () => {
    const sim = await start();
    const expired = sim.createLongLivedToken(sim.owner.id, 'expired', -1);
    const client = await connect(sim);
    expect((await client.auth(expired)).type).toBe('auth_invalid');
  });

  it.each([
    [{ id: 1, type: 'auth', access_token: 'x' }, "extra keys not allowed @ data['id']. Got 1"],
    [
      { type: 'login', access_token: 'x' },
      "not a valid value for dictionary value @ data['type']. Got 'login'",
    ],
    [{ access_token: 'x' }, "required key not provided @ data['type']. Got None"],
    [
      { type: 'auth', access_token: 5 },
      "expected str for dictionary value @ data['access_token']. Got 5",
    ],
    [
      { type: 'auth', access_token: 'x', api_password: 'y' },
      "two or more values in the same group of exclusion 'auth' @ data[<auth>]. Got None",
    ],
    [['auth'], "expected a dictionary. Got ['auth']"],
  ])('says how an auth message %j is malformed', async (message, reason) => {
    const sim = await start({ banThreshold: 1 });
    const client = await connect(sim);
    client.sendJson(message);
    expect(await client.next((m) => m.type === 'auth_invalid')).toEqual({
      type: 'auth_invalid',
      message: `Auth message incorrectly formatted: ${reason}`,
    });
    await client.closed;
    // A malformed message is not a failed login: it never counts toward a ban.
    expect(sim.bannedIps.size).toBe(0);
  });

  it('closes a socket that does not authenticate in time, without a message', async () => {
    const sim = await start({ authTimeoutMs: 50 });
    const client = await connect(sim);
    expect((await client.closed).code).toBe(1000);
    expect(client.messages).toEqual([]);
    expect(sim.stats.authAttempts).toBe(0);
  });

  it.each([
    ['text that is not JSON', '{"type": "auth"'],
    ['a binary frame', Buffer.from('{"type":"auth"}')],
  ])('drops a client that sends %s, without a message', async (_name, frame) => {
    const sim = await start();
    const client = await connect(sim);
    client.socket.send(frame);
    await client.closed;
    expect(client.messages).toEqual([]);
  });

  it('handles commands sent before auth_ok once the client is in', async () => {
    const sim = await start();
    const client = await connect(sim);
    client.sendJson({ type: 'auth', access_token: sim.token });
    client.sendJson({ id: 1, type: 'ping' });
    await client.next((m) => m.type === 'auth_ok');
    expect(await client.next((m) => m.id === 1)).toEqual({ id: 1, type: 'pong' });
  });
});
