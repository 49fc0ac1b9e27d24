import { request } from 'node:http';
import { createServer } from 'node:http';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginRefused, runLoginFlow, signInAsBrowser } from '../support/browser-login';
import { freshRequest } from '../support/fresh-http';
import { LoopbackRedirectListener } from '../support/loopback-redirect-listener';
import {
  exchangeCode,
  SESSION_ANSWER_KEYS,
  refreshAccessToken,
  refreshTokensOf,
  revokeRefreshToken,
  type SessionTokens,
} from '../support/oauth-token-client';
import { expectedSessionEntry } from '../support/session-entry';
import { RawClient, type Msg } from '../support/raw-ws-client';
import { HA_GENERATIONS, HA_RELEASE, SIM_OWNER_LOGIN, type HaSimulator } from './index';
import { useSimulator } from './test-helpers';

const { start, login } = useSimulator();
const listeners: LoopbackRedirectListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

const listen = async () => {
  const listener = await LoopbackRedirectListener.start();
  listeners.push(listener);
  return listener;
};

const postJson = async (url: string, body: unknown) => {
  const { status, text } = await freshRequest(url, { method: 'POST', body: JSON.stringify(body) });
  return { status, text, json: text ? (JSON.parse(text) as Msg) : null };
};

/** A login flow started for the listener's pair; its form answer. */
const startFlow = (sim: HaSimulator, listener: LoopbackRedirectListener, redirectUri?: string) =>
  postJson(`${sim.url}/auth/login_flow`, {
    client_id: listener.clientId,
    handler: ['homeassistant', null],
    redirect_uri: redirectUri ?? listener.redirectUri,
  });

const passwordStep = (
  sim: HaSimulator,
  flowId: string,
  clientId: string,
  login: { username: string; password: string } = SIM_OWNER_LOGIN,
) => postJson(`${sim.url}/auth/login_flow/${flowId}`, { ...login, client_id: clientId });

describe.each(HA_GENERATIONS)('browser sign-in, as Home Assistant %s', (generation) => {
  const haVersion = HA_RELEASE[generation];

  it('signs in from the authorize URL: the redirect carries a code and the state exactly as sent', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const state = 'a b+c/d=é&x';
    const { code, callback } = await signInAsBrowser(
      listener.authorizeUrl(sim.url, state),
      SIM_OWNER_LOGIN,
    );
    expect(callback).toMatchObject({ status: 200, body: 'signed in' });
    expect(listener.queries.map((q) => [q.get('code'), q.get('state')])).toEqual([[code, state]]);
    expect(code).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers the login flow with the form and the entry shapes of its release', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const form = await startFlow(sim, listener);
    expect(form.status).toBe(200);
    const formKeys = [
      'type',
      'flow_id',
      'handler',
      'data_schema',
      'errors',
      'description_placeholders',
      'last_step',
      'preview',
    ];
    formKeys.splice(generation === '2024.1' ? 3 : formKeys.length, 0, 'step_id');
    expect(Object.keys(form.json!)).toEqual(formKeys);
    expect(form.json).toMatchObject({
      type: 'form',
      handler: ['homeassistant', null],
      step_id: 'init',
      data_schema: [
        { type: 'string', name: 'username', required: true },
        { type: 'string', name: 'password', required: true },
      ],
      errors: {},
    });
    const entry = await passwordStep(sim, form.json!.flow_id, listener.clientId);
    expect(entry.json).toEqual({
      ...(generation === '2024.1' ? { version: 1, minor_version: 1 } : {}),
      type: 'create_entry',
      flow_id: form.json!.flow_id,
      handler: ['homeassistant', null],
      description: null,
      description_placeholders: null,
      result: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    // The flow is over: its id is unknown from then on.
    expect(await passwordStep(sim, form.json!.flow_id, listener.clientId)).toMatchObject({
      status: 404,
      json: { message: 'Invalid flow specified' },
    });
  });

  it('exchanges the code for a normal session of that client, usable on the WebSocket, and revokes it', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const { code } = await signInAsBrowser(listener.authorizeUrl(sim.url), SIM_OWNER_LOGIN);
    const answer = await exchangeCode(sim.url, code!, listener.clientId);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const tokens = answer.body as SessionTokens;
    expect(Object.keys(tokens)).toEqual(SESSION_ANSWER_KEYS);
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 1800,
      ha_auth_provider: 'homeassistant',
    });
    expect(tokens.refresh_token).toMatch(/^[0-9a-f]{128}$/);
    const issuer = decodeJwt(tokens.access_token).iss;

    const session = await login(sim, tokens.access_token);
    const me = await session.command({ type: 'auth/current_user' });
    expect(me.result.id).toBe(sim.owner.id);
    const listed = await refreshTokensOf(sim.url, sim.token);
    const entry = listed.find((t) => t.id === issuer);
    expect(entry).toStrictEqual(expectedSessionEntry(issuer!, listener.clientId, generation));

    const refreshed = await refreshAccessToken(sim.url, tokens.refresh_token, listener.clientId);
    expect(Object.keys(refreshed.body as object)).toEqual([
      'access_token',
      'token_type',
      'expires_in',
    ]);
    expect(decodeJwt((refreshed.body as SessionTokens).access_token).iss).toBe(issuer);

    const revoked = await revokeRefreshToken(sim.url, tokens.refresh_token);
    expect([revoked.status, revoked.body]).toEqual([200, '']);
    // Its sockets close at once, as deleting it in the profile page closes them.
    await session.closed;
    expect((await refreshTokensOf(sim.url, sim.token)).some((t) => t.id === issuer)).toBe(false);
    // Revoking again, or a token never issued: still 200, as RFC 7009 asks.
    expect((await revokeRefreshToken(sim.url, tokens.refresh_token)).status).toBe(200);
    expect((await revokeRefreshToken(sim.url, 'nope')).status).toBe(200);
  });

  it('takes a code once, only with its client id, and for 10 minutes of its clock', async () => {
    let now = Date.now();
    const sim = await start({ haVersion, now: () => new Date(now) });
    const listener = await listen();
    const invalidCode = {
      status: 400,
      body: { error: 'invalid_request', error_description: 'Invalid code' },
    };
    const { code } = await signInAsBrowser(listener.authorizeUrl(sim.url), SIM_OWNER_LOGIN);
    // Asked with another client id the code is not found, and stays usable.
    expect(await exchangeCode(sim.url, code!, 'http://127.0.0.1:1/')).toMatchObject(invalidCode);
    expect((await exchangeCode(sim.url, code!, listener.clientId)).status).toBe(200);
    expect(await exchangeCode(sim.url, code!, listener.clientId)).toMatchObject(invalidCode);

    const late = await signInAsBrowser(listener.authorizeUrl(sim.url), SIM_OWNER_LOGIN);
    now += 10 * 60_000;
    expect(await exchangeCode(sim.url, late.code!, listener.clientId)).toMatchObject(invalidCode);
    expect(sim.refreshTokens(sim.owner.id).filter((t) => t.type === 'normal')).toHaveLength(2);
  });

  it('shows the form again with invalid_auth for a wrong password, and counts it', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const form = await startFlow(sim, listener);
    const wrong = await passwordStep(sim, form.json!.flow_id, listener.clientId, {
      username: 'owner',
      password: 'wrong',
    });
    expect(wrong).toMatchObject({
      status: 200,
      json: { type: 'form', flow_id: form.json!.flow_id, errors: { base: 'invalid_auth' } },
    });
    expect(sim.stats.loginFailures).toBe(1);
    // The same flow goes on; usernames compare stripped and case-folded.
    const right = await passwordStep(sim, form.json!.flow_id, listener.clientId, {
      username: ' Owner ',
      password: SIM_OWNER_LOGIN.password,
    });
    expect(right.json!.type).toBe('create_entry');
    await expect(
      signInAsBrowser(listener.authorizeUrl(sim.url), { username: 'nobody', password: 'x' }),
    ).rejects.toThrow(LoginRefused);
  });

  it('refuses a redirect that is not on the client id origin only after the password step', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const elsewhere = `http://127.0.0.1:${listener.port === 65535 ? 1 : listener.port + 1}/callback`;
    const form = await startFlow(sim, listener, elsewhere);
    expect(form.json!.type).toBe('form');
    expect(await passwordStep(sim, form.json!.flow_id, listener.clientId)).toMatchObject({
      status: 403,
      json: { message: 'Invalid redirect URI' },
    });
    expect(sim.pendingLogins).toEqual({ flows: 0, codes: 0 });
    expect(sim.stats.loginFailures).toBe(1);
  });

  it("accepts another redirect that the client id's page names in a link tag", async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const elsewhere = `${listener.redirectUri.replace('127.0.0.1', 'localhost')}`;
    const page = createServer((_req, res) =>
      res.end(`<html><head><link rel="redirect_uri" href="${elsewhere}"></head></html>`),
    );
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    try {
      const clientId = `http://127.0.0.1:${(page.address() as { port: number }).port}/`;
      const code = await runLoginFlow(
        { origin: sim.url, clientId, redirectUri: elsewhere },
        SIM_OWNER_LOGIN,
      );
      expect(code).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      page.closeAllConnections();
      await new Promise((resolve) => page.close(resolve));
    }
  });

  it('blocks an inactive user at the end of the flow, at the token endpoint and on the WebSocket', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const guest = sim.createUser('Guest', { username: 'guest', password: 'guest-password' });
    const guestToken = sim.createLongLivedToken(guest.id, 'Guest tests');
    const guestLogin = { username: 'guest', password: 'guest-password' };
    const { code } = await signInAsBrowser(listener.authorizeUrl(sim.url), guestLogin);

    sim.setUserActive(guest.id, false);
    expect(await exchangeCode(sim.url, code!, listener.clientId)).toMatchObject({
      status: 403,
      body: { error: 'access_denied', error_description: 'User is not active' },
    });
    const refused = await signInAsBrowser(listener.authorizeUrl(sim.url), guestLogin).catch(
      (err: unknown) => err,
    );
    expect(refused).toMatchObject({
      status: 403,
      answer: { message: 'Login blocked: User is not active' },
    });
    const socket = await RawClient.connect(sim.url);
    expect((await socket.auth(guestToken)).type).toBe('auth_invalid');
    expect(sim.stats.loginFailures).toBe(2);

    sim.setUserActive(guest.id, true);
    if (generation === '2024.1') {
      const back = await login(sim, guestToken);
      expect((await back.command({ type: 'auth/current_user' })).result.id).toBe(guest.id);
    } else {
      // 2026.2 deleted every token of the user when they were deactivated.
      expect(sim.refreshTokens(guest.id)).toEqual([]);
    }
    expect(() => sim.setUserActive(sim.owner.id, false)).toThrow('Unable to deactivate the owner');
  });

  it('refuses a flow continued from another address', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const form = await startFlow(sim, listener);
    const body = JSON.stringify({ ...SIM_OWNER_LOGIN, client_id: listener.clientId });
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${sim.url}/auth/login_flow/${form.json!.flow_id}`,
        { method: 'POST', localAddress: '127.0.0.2' },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer).toEqual({ status: 400, text: '{"message":"IP address changed"}' });
    // The flow itself is untouched: from its own address it goes on.
    expect((await passwordStep(sim, form.json!.flow_id, listener.clientId)).json!.type).toBe(
      'create_entry',
    );
  });

  it('answers malformed requests as Home Assistant does, counting only what it counts', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const url = `${sim.url}/auth/login_flow`;
    expect(await postJson(url, { client_id: listener.clientId })).toMatchObject({
      status: 400,
      json: { message: "Message format incorrect: required key not provided @ data['handler']" },
    });
    const invalidJson = await fetch(url, { method: 'POST', body: '{x' });
    expect([invalidJson.status, await invalidJson.json()]).toEqual([
      400,
      { message: 'Invalid JSON.' },
    ]);
    expect(sim.stats.loginFailures).toBe(0);

    expect(
      await postJson(url, {
        client_id: 'ftp://x/',
        handler: ['homeassistant', null],
        redirect_uri: 'ftp://x/cb',
      }),
    ).toMatchObject({ status: 400, json: { message: 'Invalid client id' } });
    const form = await startFlow(sim, listener);
    expect(
      await postJson(`${url}/${form.json!.flow_id}`, {
        client_id: listener.clientId,
        username: 'owner',
      }),
    ).toMatchObject({ status: 400, json: { message: 'User input malformed' } });
    expect(await passwordStep(sim, 'nope', listener.clientId)).toMatchObject({
      status: 404,
      json: { message: 'Invalid flow specified' },
    });
    expect(sim.stats.loginFailures).toBe(3);

    const index = await fetch(url);
    expect([index.status, index.headers.get('content-type')]).toEqual([
      405,
      generation === '2024.1' ? 'application/octet-stream' : null,
    ]);
    const token = (fields: Record<string, string>) =>
      fetch(`${sim.url}/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }).then(async (res) => [res.status, await res.json()]);
    expect(await token({ grant_type: 'password' })).toEqual([
      400,
      { error: 'unsupported_grant_type' },
    ]);
    expect(await token({ grant_type: 'authorization_code', client_id: listener.clientId })).toEqual(
      [400, { error: 'invalid_request', error_description: 'Invalid code' }],
    );
    expect(await token({ grant_type: 'refresh_token', refresh_token: 'nope' })).toEqual([
      400,
      { error: 'invalid_grant' },
    ]);
    expect(sim.stats.loginFailures).toBe(6);
    expect(sim.stats.authFailures).toBe(0);
  });

  it('bans an address for refusals of the sign-in views, and a successful login resets the count', async () => {
    const sim = await start({ haVersion, banThreshold: 2 });
    const listener = await listen();
    const wrong = { username: 'owner', password: 'wrong' };
    await expect(signInAsBrowser(listener.authorizeUrl(sim.url), wrong)).rejects.toThrow();
    // A successful login (the end of a login flow) resets the count ...
    const { code } = await signInAsBrowser(listener.authorizeUrl(sim.url), SIM_OWNER_LOGIN);
    await expect(signInAsBrowser(listener.authorizeUrl(sim.url), wrong)).rejects.toThrow();
    expect(sim.bannedIps.size).toBe(0);
    // ... a revoke never counts ...
    await revokeRefreshToken(sim.url, 'nope');
    expect(sim.bannedIps.size).toBe(0);
    // ... and a replayed code is the second failure.
    await exchangeCode(sim.url, code!, listener.clientId);
    await exchangeCode(sim.url, code!, listener.clientId);
    expect([...sim.bannedIps]).toEqual(['127.0.0.1']);
    const page = await fetch(`${sim.url}/auth/providers`);
    expect(page.status).toBe(403);
  });

  it('loses the flows in progress and the unused codes when it restarts', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const form = await startFlow(sim, listener);
    const { code } = await signInAsBrowser(listener.authorizeUrl(sim.url), SIM_OWNER_LOGIN);
    expect(sim.pendingLogins).toEqual({ flows: 1, codes: 1 });
    await sim.restart({ downMs: 0 });
    expect(sim.pendingLogins).toEqual({ flows: 0, codes: 0 });
    expect(await passwordStep(sim, form.json!.flow_id, listener.clientId)).toMatchObject({
      status: 404,
      json: { message: 'Invalid flow specified' },
    });
    expect((await exchangeCode(sim.url, code!, listener.clientId)).status).toBe(400);
  });

  it('signs in while Home Assistant starts, and answers 503 while it stops', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    sim.setStarting(true);
    expect((await startFlow(sim, listener)).status).toBe(200);
    let resume!: () => void;
    const restarted = sim.restart({ stoppingUntil: new Promise<void>((r) => (resume = r)) });
    const stopping = await startFlow(sim, listener);
    resume();
    await restarted;
    expect(stopping).toMatchObject({ status: 503, text: '' });
  });

  it('serves the login page with the fields a password manager fills, and no content policy', async () => {
    const sim = await start({ haVersion });
    const listener = await listen();
    const res = await fetch(listener.authorizeUrl(sim.url));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(html).toContain('autocomplete="username"');
    expect(html).toContain('autocomplete="current-password"');
    expect(html).toContain('<button type="submit">Log in</button>');
  });
});
