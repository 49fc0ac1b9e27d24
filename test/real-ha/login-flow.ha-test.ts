import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../ha-sim';
import { LoginRefused, signInAsBrowser, type Delivery } from '../support/browser-login';
import { LoopbackRedirectListener } from '../support/loopback-redirect-listener';
import {
  exchangeCode,
  SESSION_ANSWER_KEYS,
  refreshTokensOf,
  revokeRefreshToken,
  type SessionTokens,
} from '../support/oauth-token-client';
import { expectedSessionEntry } from '../support/session-entry';
import { RawClient } from '../support/raw-ws-client';
import { RealHa } from './harness';
import type { ProvisionedUser } from './provision';
import { selectedRelease } from './releases';
import { signInTranscript } from './sign-in-transcript';

const release = selectedRelease();
let ha: RealHa;
let user: ProvisionedUser;
let listener: LoopbackRedirectListener;

beforeAll(async () => {
  ha = await RealHa.start({ release });
  // Its provisioning session revoked: the user's tokens are exactly its long-lived test token.
  user = await ha.createUser('Sign-in tester', { signInSession: 'revoke' });
  listener = await LoopbackRedirectListener.start();
}, 240_000);
afterAll(async () => {
  await listener?.close();
  await ha?.destroy();
}, 120_000);
afterEach(() => {
  listener.queries.length = 0;
});

/** The user's token list, read with their existing long-lived token (no new sign-in). */
const tokenIds = async () =>
  (await refreshTokensOf(ha.url, user.token)).map((t) => `${t.type} ${t.client_name}`);

describe(`browser sign-in: real Home Assistant ${release.version}`, () => {
  it('starts with only the test user’s own long-lived token', async () => {
    expect(await tokenIds()).toEqual(['long_lived_access_token Sign-in tester tests']);
  });

  it('answers /auth/providers in its release’s shape', async () => {
    const providers = await (await fetch(`${ha.url}/auth/providers`)).json();
    const list = [{ name: 'Home Assistant Local', id: null, type: 'homeassistant' }];
    expect(providers).toEqual(
      release.generation === '2024.1' ? list : { providers: list, preselect_remember_me: true },
    );
  });

  it('signs in through a loopback redirect: a normal session of that client, until revoked', async () => {
    const state = 'a b+c/d=é&x';
    const { code, callback } = await signInAsBrowser(listener.authorizeUrl(ha.url, state), user);
    expect(callback).toMatchObject({ status: 200, body: 'signed in' });
    expect(listener.queries.map((q) => [q.get('code'), q.get('state')])).toEqual([[code, state]]);

    const answer = await exchangeCode(ha.url, code!, listener.clientId);
    expect(answer.status).toBe(200);
    const session = answer.body as SessionTokens;
    expect(Object.keys(session)).toEqual(SESSION_ANSWER_KEYS);
    expect(session).toMatchObject({ token_type: 'Bearer', expires_in: 1800 });
    // The code is single use, whatever the outcome of the first exchange.
    expect(await exchangeCode(ha.url, code!, listener.clientId)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Invalid code' },
    });

    const client = await RawClient.authenticated(ha.url, session.access_token);
    expect((await client.command({ type: 'auth/current_user' })).result.id).toBe(user.id);
    client.close();
    const issuer = decodeJwt(session.access_token).iss;
    const entry = (await refreshTokensOf(ha.url, user.token)).find((t) => t.id === issuer);
    expect(entry).toStrictEqual(
      expectedSessionEntry(issuer!, listener.clientId, release.generation),
    );

    expect((await revokeRefreshToken(ha.url, session.refresh_token)).status).toBe(200);
    expect(await tokenIds()).toEqual(['long_lived_access_token Sign-in tester tests']);
  });

  it.each<Delivery>(['wrong-state', 'no-state', 'access-denied', 'nothing'])(
    'leaves no token when the redirect brings %s',
    async (deliver) => {
      const before = await tokenIds();
      const result = await signInAsBrowser(listener.authorizeUrl(ha.url), { ...user, deliver });
      expect(result.code === null).toBe(deliver === 'access-denied');
      expect(await tokenIds()).toEqual(before);
    },
  );

  it('leaves no token for a wrong password or a foreign redirect', async () => {
    const before = await tokenIds();
    await expect(
      signInAsBrowser(listener.authorizeUrl(ha.url), { ...user, password: 'wrong' }),
    ).rejects.toMatchObject({ status: 200, answer: { errors: { base: 'invalid_auth' } } });

    const foreign = listener
      .authorizeUrl(ha.url)
      .replace(
        encodeURIComponent(listener.redirectUri),
        encodeURIComponent(`http://127.0.0.1:${listener.port === 1 ? 2 : 1}/callback`),
      );
    await expect(signInAsBrowser(foreign, user)).rejects.toMatchObject({
      status: 403,
      answer: { message: 'Invalid redirect URI' },
    });
    expect(await tokenIds()).toEqual(before);
    expect(listener.queries).toEqual([]);
  });

  it('blocks an inactive user; 2026.2 deletes their tokens when they are deactivated', async () => {
    const inactive = await ha.createUser('Inactive tester', { signInSession: 'revoke' });
    const owner = await RawClient.authenticated(ha.url, ha.token);
    const setActive = async (isActive: boolean) =>
      expect(
        (
          await owner.command({
            type: 'config/auth/update',
            user_id: inactive.id,
            is_active: isActive,
          })
        ).success,
      ).toBe(true);
    try {
      await setActive(false);
      const refused = await signInAsBrowser(listener.authorizeUrl(ha.url), inactive).catch(
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(LoginRefused);
      expect(refused).toMatchObject({
        status: 403,
        answer: { message: 'Login blocked: User is not active' },
      });
    } finally {
      await setActive(true);
      owner.close();
    }
    expect(listener.queries).toEqual([]);
    if (release.generation === '2024.1')
      expect((await refreshTokensOf(ha.url, inactive.token)).map((t) => t.type)).toEqual([
        'long_lived_access_token',
      ]);
    else await expect(refreshTokensOf(ha.url, inactive.token)).rejects.toThrow('auth_invalid');
  });

  it('a code delivered twice buys one session; the replay is refused and leaves nothing', async () => {
    const { code, callback, replayed } = await signInAsBrowser(listener.authorizeUrl(ha.url), {
      ...user,
      twice: true,
    });
    expect([callback, replayed]).toMatchObject([{ status: 200 }, { status: 200 }]);
    const first = await exchangeCode(ha.url, code!, listener.clientId);
    expect((await exchangeCode(ha.url, code!, listener.clientId)).status).toBe(400);
    const again = await signInAsBrowser(listener.authorizeUrl(ha.url), { ...user, code: code! });
    expect(again.code).toBe(code);
    expect((await exchangeCode(ha.url, code!, listener.clientId)).status).toBe(400);
    await revokeRefreshToken(ha.url, (first.body as SessionTokens).refresh_token);
    expect(await tokenIds()).toEqual(['long_lived_access_token Sign-in tester tests']);
  });

  it('answers every sign-in request exactly as the simulator of its release does', async () => {
    const sim = await startSimulator({ haVersion: release.version });
    try {
      sim.createUser('Sign-in tester', { username: user.username, password: user.password });
      const pair = {
        clientId: listener.clientId,
        redirectUri: listener.redirectUri,
        foreignRedirectUri: 'http://127.0.0.1:1/callback',
      };
      const real = await signInTranscript(ha.url, pair, user);
      expect(await signInTranscript(sim.url, pair, user)).toEqual(real);
    } finally {
      await sim.close();
    }
    expect(await tokenIds()).toEqual(['long_lived_access_token Sign-in tester tests']);
  });
});
