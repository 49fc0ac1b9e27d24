import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { SignInStatus } from '../../../src/shared/sign-in';
import { SIM_OWNER_LOGIN, startSimulator, type HaSimulator } from '../../ha-sim';
import { FakeSecretStore } from '../../fakes/secret-store';
import { testPlatform } from '../../support/app-platform';
import { signInAsBrowser } from '../../support/browser-login';
import { fastRetry } from '../../support/fast-retry';
import { onlyInstance } from '../../support/only-instance';
import { waitFor } from '../../support/wait-for';

const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };

let sim: HaSimulator;
let dir: string;
let opened: string[];
let logLines: string[];
let confirmAnswer: boolean;
const questions: string[] = [];
const running: AppServices[] = [];

function boot(): AppServices {
  const app = createAppServices(
    testPlatform(dir, {
      secrets: new FakeSecretStore('gnome_libsecret'),
      shell: { openExternal: async (url) => void opened.push(url) },
      logSink: { write: (line) => void logLines.push(line) },
      dialogs: {
        confirm: async (question) => {
          questions.push(question);
          return confirmAnswer;
        },
        showError: () => undefined,
      },
    }),
    { connection: { retry: fastRetry(10, 50) } },
  );
  running.push(app);
  return app;
}

async function ask<T>(app: AppServices, name: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
}

async function startSignIn(app: AppServices): Promise<string> {
  const count = opened.length;
  const started = await ask<SignInStatus>(app, 'startSignIn', KEY, { url: sim.url });
  expect(started, JSON.stringify(started)).toMatchObject({
    ok: true,
    value: { phase: 'waiting' },
  });
  expect(opened).toHaveLength(count + 1);
  return opened.at(-1)!;
}

/** The owner's tokens as Home Assistant lists them, by type and name or client. */
const ownerTokens = () =>
  sim
    .refreshTokens(sim.owner.id)
    .map((t) => `${t.type}:${t.client_name ?? t.client_id}`)
    .sort();

const signInStatus = async (app: AppServices) =>
  ((await ask<SignInStatus>(app, 'getSignIn', KEY)) as { value: SignInStatus }).value;

async function until(app: AppServices, phases: SignInStatus['phase'][]): Promise<SignInStatus> {
  let status: SignInStatus | null = null;
  await waitFor(
    () => {
      void signInStatus(app).then((s) => (status = s));
      return status !== null && phases.includes(status.phase);
    },
    `sign-in ${phases.join(' or ')}`,
  );
  return status!;
}

beforeEach(async () => {
  sim = await startSimulator({ locationName: 'Cottage' });
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-sign-in-'));
  opened = [];
  logLines = [];
  confirmAnswer = false;
  questions.length = 0;
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.dispose()));
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sign in with Home Assistant, against the simulator', () => {
  it('first run: the browser logs in, and HA Tray connects with one new long-lived token of its own', async () => {
    const before = ownerTokens();
    const app = boot();
    await app.start();
    const url = await startSignIn(app);
    const { callback } = await signInAsBrowser(url, SIM_OWNER_LOGIN);
    expect(callback).toMatchObject({ status: 200 });
    expect((callback as { body: string }).body).toContain('You can close this tab');

    const done = await until(app, ['signed_in', 'failed']);
    expect(done, JSON.stringify(done)).toMatchObject({ phase: 'signed_in' });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected',
    );
    await waitFor(() => !onlyInstance(app).signIn.isOpen(), 'the session deleted');
    const name = `long_lived_access_token:${onlyInstance(app).vault.metadata().name}`;
    expect(name).toMatch(/HA Tray on laptop \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(ownerTokens()).toEqual([...before, name].sort());
    expect(onlyInstance(app).vault.pendingToken()).toBeNull();
    expect(
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('sign-in-journal.json'),
      ),
    ).toEqual([]);
    expect(sim.stats.loginFailures).toBe(0);
    // No token in the log, nor the session's.
    const token = onlyInstance(app).vault.token()!;
    expect(logLines.join('\n')).not.toContain(token.split('.')[2]);
  });

  it.each([
    ['a wrong state', { deliver: 'wrong-state' } as const, 'did not start'],
    ['no state', { deliver: 'no-state' } as const, 'did not start'],
    ['an access_denied redirect', { deliver: 'access-denied' } as const, 'did not allow'],
  ])('%s: a sentence, and the token list is unchanged', async (_case, options, words) => {
    const before = ownerTokens();
    const app = boot();
    await app.start();
    const url = await startSignIn(app);
    await signInAsBrowser(url, { ...SIM_OWNER_LOGIN, ...options });
    const done = await until(app, ['failed']);
    expect(done.message).toContain(words);
    expect(ownerTokens()).toEqual(before);
    expect(onlyInstance(app).vault.token()).toBeNull();
  });

  it('cancel in the app: the browser that comes back later finds nobody, and nothing is kept', async () => {
    const before = ownerTokens();
    const app = boot();
    await app.start();
    const url = await startSignIn(app);
    expect(await ask(app, 'cancelSignIn', KEY)).toMatchObject({ ok: true });
    const done = await until(app, ['idle']);
    expect(done.message).toContain('cancelled');
    const { callback } = await signInAsBrowser(url, SIM_OWNER_LOGIN);
    expect(callback).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED|fetch failed/) });
    expect(ownerTokens()).toEqual(before.concat([]).sort());
    // The login made a code that nobody exchanged: no token came of it.
    expect(
      sim.refreshTokens(sim.owner.id).filter((t) => t.client_id?.startsWith('http://127.0.0.1')),
    ).toEqual([]);
  });

  it('a replayed code: the second delivery finds the listener closed; a code used elsewhere is refused', async () => {
    const before = ownerTokens();
    const app = boot();
    await app.start();
    const first = await startSignIn(app);
    const { code } = await signInAsBrowser(first, { ...SIM_OWNER_LOGIN, deliver: 'nothing' });
    // Someone exchanged the code before HA Tray could: HA Tray gets "Invalid code".
    const stolen = await fetch(new URL('/auth/token', sim.url), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code!,
        client_id: new URL(first).searchParams.get('client_id')!,
      }),
    });
    expect(stolen.status).toBe(200);
    const { access_token: access } = (await stolen.json()) as { access_token: string };
    const stolenId = JSON.parse(Buffer.from(access.split('.')[1]!, 'base64url').toString()).iss;
    await signInAsBrowser(first, { ...SIM_OWNER_LOGIN, code: code! });
    const done = await until(app, ['failed']);
    expect(done.message).toContain('did not accept the sign-in');
    expect(ownerTokens().filter((t) => !t.includes('127.0.0.1'))).toEqual(before);
    expect(onlyInstance(app).vault.token()).toBeNull();
    expect(stolenId).toBeTruthy();
  });

  it('Home Assistant restarting mid-flow: the lost code gets a sentence, and nothing is kept', async () => {
    const before = ownerTokens();
    const app = boot();
    await app.start();
    const url = await startSignIn(app);
    const { code } = await signInAsBrowser(url, { ...SIM_OWNER_LOGIN, deliver: 'nothing' });
    await sim.restart();
    await signInAsBrowser(url, { ...SIM_OWNER_LOGIN, code: code! });
    const done = await until(app, ['failed']);
    expect(done.message).toContain('may have restarted');
    expect(ownerTokens()).toEqual(before);
    expect(onlyInstance(app).vault.token()).toBeNull();
  });

  it('a user made inactive before the code is used: a sentence, and the token list is unchanged', async () => {
    const guest = sim.createUser('Guest', { username: 'guest', password: 'guest-password' });
    const before = sim.refreshTokens(guest.id).map((t) => t.id);
    const app = boot();
    await app.start();
    const url = await startSignIn(app);
    const login = { username: 'guest', password: 'guest-password' };
    const { code } = await signInAsBrowser(url, { ...login, deliver: 'nothing' });
    sim.setUserActive(guest.id, false);
    await signInAsBrowser(url, { ...login, code: code! });
    const done = await until(app, ['failed']);
    expect(done.message).toContain('did not let this user sign in');
    expect(sim.refreshTokens(guest.id).map((t) => t.id)).toEqual(before);
    expect(onlyInstance(app).vault.token()).toBeNull();
  });

  it('a second sign-in while one waits: the first tab can no longer come back', async () => {
    const before = ownerTokens();
    const app = boot();
    await app.start();
    const first = await startSignIn(app);
    const second = await startSignIn(app);
    expect(new URL(second).searchParams.get('client_id')).not.toBe(
      new URL(first).searchParams.get('client_id'),
    );
    const late = await signInAsBrowser(first, SIM_OWNER_LOGIN);
    expect(late.callback).toMatchObject({ error: expect.any(String) });
    expect((await signInStatus(app)).phase).toBe('waiting');
    await signInAsBrowser(second, SIM_OWNER_LOGIN);
    await until(app, ['signed_in']);
    await waitFor(() => !onlyInstance(app).signIn.isOpen(), 'the session deleted');
    // The first tab's code was never exchanged: the one new token is the second sign-in's.
    expect(ownerTokens()).toEqual(
      [...before, `long_lived_access_token:${onlyInstance(app).vault.metadata().name}`].sort(),
    );
  });

  it('a connected user signs in again: the new token replaces the old one, which is revoked', async () => {
    const app = boot();
    await app.start();
    await ask(app, 'testConnection', KEY, { url: sim.url, token: sim.token });
    await ask(app, 'saveConnection', KEY, { url: sim.url, token: sim.token });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected',
    );
    const before = ownerTokens();
    const url = await startSignIn(app);
    await signInAsBrowser(url, SIM_OWNER_LOGIN);
    const done = await until(app, ['signed_in', 'failed']);
    expect(done.message).toContain('revoked the old one');
    await waitFor(() => !onlyInstance(app).signIn.isOpen(), 'the session deleted');
    const old = before.filter((t) => !ownerTokens().includes(t));
    expect(old).toHaveLength(1);
    expect(ownerTokens()).toHaveLength(before.length);
    expect(onlyInstance(app).supervisor.getStatus().state).toBe('connected');
    expect(onlyInstance(app).vault.token()).not.toBe(sim.token);
    expect(questions).toEqual([]);
  });

  it('signing in as another user asks first; a no keeps the current token and leaves nothing', async () => {
    const other = sim.createUser('Guest', { username: 'guest', password: 'guest-password' });
    const app = boot();
    await app.start();
    await ask(app, 'testConnection', KEY, { url: sim.url, token: sim.token });
    await ask(app, 'saveConnection', KEY, { url: sim.url, token: sim.token });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected',
    );
    const guestBefore = sim.refreshTokens(other.id).length;
    const url = await startSignIn(app);
    await signInAsBrowser(url, { username: 'guest', password: 'guest-password' });
    const done = await until(app, ['failed', 'signed_in']);
    expect(questions).toEqual(['Use the sign-in of another user?']);
    expect(done).toMatchObject({ phase: 'failed' });
    expect(done.message).toContain('keeps its current token');
    expect(onlyInstance(app).vault.token()).toBe(sim.token);
    await waitFor(() => !onlyInstance(app).signIn.isOpen(), 'the leftovers deleted');
    expect(sim.refreshTokens(other.id)).toHaveLength(guestBefore);
  });
});
