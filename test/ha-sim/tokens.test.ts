import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import type { RawClient } from '../support/raw-ws-client';
import { bearer, useSimulator } from './test-helpers';

const { start, login, connect } = useSimulator();

const newToken = (client: RawClient, client_name: string, lifespan: unknown = 3650) =>
  client.command({ type: 'auth/long_lived_access_token', client_name, lifespan });

describe('long-lived access tokens', () => {
  it('issues an HS256 JWT: iss = its refresh token id, exp = iat + lifespan days', async () => {
    const sim = await start();
    const client = await login(sim);
    const token: string = (await newToken(client, 'HA Tray 2024-01-05 10:00', 30)).result;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(30 * 86400);
    const listed = (await client.command({ type: 'auth/refresh_tokens' })).result;
    expect(listed.find((t: { id: string }) => t.id === claims.iss)).toMatchObject({
      client_name: 'HA Tray 2024-01-05 10:00',
      type: 'long_lived_access_token',
    });
    expect((await (await connect(sim)).auth(token)).type).toBe('auth_ok');
    expect((await fetch(`${sim.url}/api/`, bearer(token))).status).toBe(200);
  });

  it('can be made on a connection that was itself opened with a long-lived token, by any user', async () => {
    const sim = await start();
    const guest = sim.createUser('Guest');
    const client = await login(sim, sim.createLongLivedToken(guest.id, 'first'));
    expect(typeof (await newToken(client, 'second')).result).toBe('string');
  });

  it('refuses a second token with the same client name (unknown_error), and a lifespan that is not an int', async () => {
    const client = await login(await start());
    expect((await newToken(client, 'HA Tray')).success).toBe(true);
    expect((await newToken(client, 'HA Tray')).error).toEqual({
      code: 'unknown_error',
      message: 'Unknown error',
    });
    expect((await newToken(client, 'other', 36.5)).error).toEqual({
      code: 'invalid_format',
      message: "expected int for dictionary value @ data['lifespan']. Got 36.5",
    });
  });

  it('fails for an expiry past the year 9999, after taking the client name', async () => {
    const client = await login(await start());
    expect((await newToken(client, 'forever', 4_000_000)).error.code).toBe('unknown_error');
    expect((await newToken(client, 'forever', 365)).error.code).toBe('unknown_error');
    expect((await newToken(client, 'forever again', 365)).success).toBe(true);
  });

  it('survives a restart: Home Assistant keeps its signing keys', async () => {
    const sim = await start();
    await sim.restart({ downMs: 1 });
    expect((await (await connect(sim)).auth(sim.token)).type).toBe('auth_ok');
  });
});

describe('auth/refresh_tokens', () => {
  it("lists the caller's tokens with Home Assistant's fields", async () => {
    const sim = await start();
    const tokens = (await (await login(sim)).command({ type: 'auth/refresh_tokens' })).result;
    expect(tokens).toEqual([
      {
        id: expect.any(String),
        client_id: 'http://homeassistant.local:8123/',
        client_name: null,
        client_icon: null,
        type: 'normal',
        created_at: expect.stringMatching(/\+00:00$/),
        is_current: false,
        last_used_at: expect.any(String),
        last_used_ip: '127.0.0.1',
        auth_provider_type: 'homeassistant',
      },
      {
        id: decodeJwt(sim.token).iss,
        client_id: null,
        client_name: 'HA Tray tests',
        client_icon: null,
        type: 'long_lived_access_token',
        created_at: expect.any(String),
        is_current: true,
        last_used_at: tokens[1].created_at,
        last_used_ip: null,
        auth_provider_type: null,
      },
    ]);
    expect(sim.refreshTokens(sim.owner.id).map((t) => [t.client_name, t.type])).toEqual([
      [null, 'normal'],
      ['HA Tray tests', 'long_lived_access_token'],
    ]);
  });
});

describe('auth/delete_refresh_token', () => {
  it('answers {} and closes every socket opened with that token at once, without auth_invalid', async () => {
    const sim = await start();
    const admin = await login(sim);
    const doomed = (await newToken(admin, 'doomed')).result;
    const victims = [await login(sim, doomed), await login(sim, doomed)];
    const id = decodeJwt(doomed).iss;
    expect(
      await admin.command({ type: 'auth/delete_refresh_token', refresh_token_id: id }),
    ).toMatchObject({ result: {} });
    for (const victim of victims) {
      expect((await victim.closed).code).toBe(1000);
      expect(victim.messages.some((m) => m.type === 'auth_invalid')).toBe(false);
    }
    expect((await (await connect(sim)).auth(doomed)).type).toBe('auth_invalid');
  });

  it('closes its own connection before the answer when it deletes its own token', async () => {
    const sim = await start();
    const client = await login(sim);
    client.sendJson({
      id: 1,
      type: 'auth/delete_refresh_token',
      refresh_token_id: decodeJwt(sim.token).iss,
    });
    await client.closed;
    expect(client.messages).toEqual([]);
  });

  it("answers invalid_token_id for an unknown id or another user's token", async () => {
    const sim = await start();
    const guest = sim.createUser('Guest');
    const guestToken = sim.createLongLivedToken(guest.id, 'guest');
    const client = await login(sim);
    const invalid = { code: 'invalid_token_id', message: 'Received invalid token' };
    expect(
      (await client.command({ type: 'auth/delete_refresh_token', refresh_token_id: 'nope' })).error,
    ).toEqual(invalid);
    expect(
      (
        await client.command({
          type: 'auth/delete_refresh_token',
          refresh_token_id: decodeJwt(guestToken).iss,
        })
      ).error,
    ).toEqual(invalid);
  });

  it('revokeToken() acts like deleting it in the UI', async () => {
    const sim = await start();
    const client = await login(sim);
    sim.revokeToken(sim.token);
    await client.closed;
    expect(client.messages).toEqual([]);
    expect((await (await connect(sim)).auth(sim.token)).type).toBe('auth_invalid');
    expect((await fetch(`${sim.url}/api/`, bearer(sim.token))).status).toBe(401);
  });
});
