import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/main/app-services';
import { requestChannel } from '../../src/shared/ipc/define';
import type { IpcResult } from '../../src/shared/ipc/result';
import { FIRST_INSTANCE_KEY as KEY } from '../../src/shared/settings';
import type { SignInStatus } from '../../src/shared/sign-in';
import { FakeSecretStore } from '../fakes/secret-store';
import { testPlatform } from '../support/app-platform';
import { signInAsBrowser, type Delivery } from '../support/browser-login';
import { refreshTokensOf } from '../support/oauth-token-client';
import { onlyInstance } from '../support/only-instance';
import { waitFor } from '../support/wait-for';
import { RealHa } from './harness';
import type { ProvisionedUser } from './provision';
import { selectedRelease } from './releases';

const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };
const release = selectedRelease();
let ha: RealHa;
let user: ProvisionedUser;
let dir: string;
let opened: string[];
const running: AppServices[] = [];

beforeAll(async () => {
  ha = await RealHa.start({ release });
  // Its provisioning session revoked: the user's tokens are exactly its long-lived test token.
  user = await ha.createUser('App sign-in tester', { signInSession: 'revoke' });
}, 240_000);
afterAll(async () => {
  await ha?.destroy();
}, 120_000);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-real-sign-in-'));
  opened = [];
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.dispose()));
  rmSync(dir, { recursive: true, force: true });
});

function boot(): AppServices {
  const app = createAppServices(
    testPlatform(dir, {
      secrets: new FakeSecretStore('gnome_libsecret'),
      shell: { openExternal: async (url) => void opened.push(url) },
    }),
  );
  running.push(app);
  return app;
}

async function ask<T>(app: AppServices, name: string, ...args: unknown[]): Promise<T> {
  const result = (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The user's token list, read with their provisioned long-lived token: no new sign-in. */
const tokens = async () =>
  (await refreshTokensOf(ha.url, user.token)).map((t) => `${t.type} ${t.client_name}`).sort();

async function ended(app: AppServices, phases: SignInStatus['phase'][]): Promise<SignInStatus> {
  let status: SignInStatus | null = null;
  await waitFor(
    () => {
      status = onlyInstance(app).signIn.status();
      return phases.includes(status.phase);
    },
    `sign-in ${phases.join(' or ')}`,
  );
  await waitFor(() => !onlyInstance(app).signIn.isOpen(), 'the sign-in cleaned up');
  return status!;
}

async function attempt(app: AppServices): Promise<string> {
  const status = await ask<SignInStatus>(app, 'startSignIn', KEY, { url: ha.url });
  expect(status.phase).toBe('waiting');
  return opened.at(-1)!;
}

describe(`Sign in with Home Assistant: real Home Assistant ${release.version}`, () => {
  it.each<[string, Delivery, string]>([
    ['a wrong state', 'wrong-state', 'did not start'],
    ['no state', 'no-state', 'did not start'],
    ['an access_denied redirect', 'access-denied', 'did not allow'],
  ])('%s leaves the user’s tokens as they were', async (_case, deliver, words) => {
    const before = await tokens();
    const app = boot();
    await app.start();
    await signInAsBrowser(await attempt(app), { ...user, deliver });
    expect((await ended(app, ['failed'])).message).toContain(words);
    expect(await tokens()).toEqual(before);
  });

  it('cancel, and a code already used, leave the user’s tokens as they were', async () => {
    const before = await tokens();
    const app = boot();
    await app.start();
    const first = await attempt(app);
    await ask(app, 'cancelSignIn', KEY);
    await ended(app, ['idle']);
    const late = await signInAsBrowser(first, user);
    expect(late.callback).toMatchObject({ error: expect.any(String) });

    // A code that Home Assistant lost in a restart, or that was used: refused, nothing kept.
    const second = await attempt(app);
    const { code } = await signInAsBrowser(second, { ...user, deliver: 'nothing' });
    await ha.restart();
    await signInAsBrowser(second, { ...user, code: code! });
    expect((await ended(app, ['failed'])).message).toContain('did not accept the sign-in');
    expect(await tokens()).toEqual(before);
  });

  it('a second sign-in while one waits: only the second one’s token is made', async () => {
    const before = await tokens();
    const app = boot();
    await app.start();
    const first = await attempt(app);
    const second = await attempt(app);
    expect((await signInAsBrowser(first, user)).callback).toMatchObject({
      error: expect.any(String),
    });
    await signInAsBrowser(second, user);
    const done = await ended(app, ['signed_in', 'failed']);
    expect(done.phase).toBe('signed_in');
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected',
    );
    const name = onlyInstance(app).vault.metadata().name!;
    expect(name).toMatch(/^HA Tray on laptop \d{4}-\d\d-\d\d \d\d:\d\d/);
    // Exactly one new token, the long-lived one: the sign-in session is gone.
    expect(await tokens()).toEqual([...before, `long_lived_access_token ${name}`].sort());

    // Signing in again replaces it, and the replaced one is revoked.
    await signInAsBrowser(await attempt(app), user);
    expect((await ended(app, ['signed_in', 'failed'])).message).toContain('revoked the old one');
    const renamed = onlyInstance(app).vault.metadata().name;
    const after = await tokens();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((t) => t.startsWith('long_lived_access_token HA Tray on'))).toHaveLength(1);
    expect(onlyInstance(app).supervisor.getStatus().state).toBe('connected');
    expect(renamed === null || after.includes(`long_lived_access_token ${renamed}`)).toBe(true);
  });
});
