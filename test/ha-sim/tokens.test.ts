import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { startSimulator, type HaSimulator } from './index';

let sim: HaSimulator;
const clients: RawClient[] = [];
const open = async (token: string) => {
  const c = await RawClient.authenticated(sim.url, token);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await sim.close();
});

describe('long-lived access tokens', () => {
  it('issues HS256 JWTs with iss = refresh token id, iat and exp = iat + lifespan', async () => {
    const client = await open(sim.token);
    const token = (
      await client.command({
        type: 'auth/long_lived_access_token',
        client_name: 'Laptop',
        lifespan: 30,
      })
    ).result;
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(30 * 86400);
    const listed = (await client.command({ type: 'auth/refresh_tokens' })).result;
    expect(listed).toContainEqual(
      expect.objectContaining({
        id: claims.iss,
        client_name: 'Laptop',
        type: 'long_lived_access_token',
        is_current: false,
        created_at: expect.stringMatching(/\+00:00$/),
      }),
    );
    expect(listed.find((t: { is_current: boolean }) => t.is_current).id).toBe(
      decodeJwt(sim.token).iss,
    );
    await open(token);
  });

  it('refuses a second token with the same client name and a non-integer lifespan', async () => {
    const client = await open(sim.token);
    await client.command({
      type: 'auth/long_lived_access_token',
      client_name: 'Twice',
      lifespan: 1,
    });
    expect(
      (
        await client.command({
          type: 'auth/long_lived_access_token',
          client_name: 'Twice',
          lifespan: 1,
        })
      ).error.code,
    ).toBe('unknown_error');
    expect(
      (
        await client.command({
          type: 'auth/long_lived_access_token',
          client_name: 'Frac',
          lifespan: 1.5,
        })
      ).error.code,
    ).toBe('invalid_format');
  });

  it('deleting a token closes every socket it opened, without auth_invalid, and it stops working', async () => {
    const admin = await open(sim.token);
    const token = (
      await admin.command({
        type: 'auth/long_lived_access_token',
        client_name: 'Doomed',
        lifespan: 10,
      })
    ).result;
    const victims = [await open(token), await open(token)];
    const reply = await admin.command({
      type: 'auth/delete_refresh_token',
      refresh_token_id: decodeJwt(token).iss,
    });
    expect(reply.result).toEqual({});
    await Promise.all(victims.map((v) => v.closed));
    expect(victims.flatMap((v) => v.messages).filter((m) => m.type === 'auth_invalid')).toEqual([]);
    const again = await RawClient.connect(sim.url);
    clients.push(again);
    expect((await again.auth(token)).type).toBe('auth_invalid');
    expect(
      (await admin.command({ type: 'auth/delete_refresh_token', refresh_token_id: 'nope' })).error,
    ).toEqual({ code: 'invalid_token_id', message: 'Received invalid token' });
  });

  it('revokeToken acts like deleting the token in the UI', async () => {
    const client = await open(sim.token);
    sim.revokeToken(sim.token);
    await client.closed;
  });

  it('rejects expired and tampered tokens', async () => {
    const expired = sim.createLongLivedToken(sim.owner.id, 'Expired', 0);
    const c1 = await RawClient.connect(sim.url);
    clients.push(c1);
    expect((await c1.auth(expired)).type).toBe('auth_invalid');
    const [h, p] = sim.token.split('.');
    const c2 = await RawClient.connect(sim.url);
    clients.push(c2);
    expect((await c2.auth(`${h}.${p}.AAAA`)).type).toBe('auth_invalid');
  });
});
