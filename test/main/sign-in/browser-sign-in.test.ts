import { describe, expect, it } from 'vitest';
import type { BrowserSignIn } from '../../../src/main/sign-in/browser-sign-in';
import { ORIGIN, SignInWorld } from './sign-in-world';

/** Every fake answers in microtasks: one turn of the event loop lets a sign-in run to its end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function signInOnce(world: SignInWorld, signIn: BrowserSignIn): Promise<void> {
  await signIn.start(ORIGIN);
  world.browserReturns();
  await settle();
}

function expectNothingKept(world: SignInWorld, tokensBefore: number): void {
  expect(world.leftovers()).toEqual([]);
  expect(world.ha.liveTokens()).toHaveLength(tokensBefore);
  expect(world.vault.pending).toBeNull();
  expect(world.journal.saved).toBeNull();
  expect(world.refusedCredentials).toBe(0);
}

describe('browser sign-in', () => {
  it('opens Home Assistant’s login page for a loopback client, and ends with one named long-lived token', async () => {
    const world = new SignInWorld();
    const signIn = world.app();
    expect(await signIn.start('192.168.1.20:8123')).toMatchObject({
      phase: 'waiting',
      origin: ORIGIN,
    });
    const opened = new URL(world.opened[0]!);
    expect(opened.origin + opened.pathname).toBe(`${ORIGIN}/auth/authorize`);
    expect(opened.searchParams.get('response_type')).toBe('code');
    expect(opened.searchParams.get('client_id')).toBe('http://127.0.0.1:40000/');
    expect(opened.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:40000/callback');
    expect(opened.searchParams.get('state')).toBe('state-40000');

    world.browserReturns();
    await settle();

    const name = 'HA Tray on desk 2026-12-07 09:30';
    expect(signIn.status()).toMatchObject({ phase: 'signed_in', origin: ORIGIN });
    expect(signIn.status().message).toContain(name);
    const made = world.ha.recordOf(world.vault.current)!;
    expect(made).toMatchObject({
      type: 'long_lived_access_token',
      clientName: name,
      deleted: false,
    });
    expect(world.saved).toBe(ORIGIN);
    // Only the phone's token and the new one: the sign-in session is gone.
    expect(world.ha.liveTokens().map((t) => t.clientName)).toEqual(['Phone', name]);
    expectNothingKept(world, 2);
    expect(signIn.isOpen()).toBe(false);
  });

  it.each([
    ['cancelled in the app', { kind: 'cancelled' } as const, 'idle', 'Sign-in cancelled'],
    [
      'the browser closed (timed out)',
      { kind: 'timed_out' } as const,
      'failed',
      'within 5 minutes',
    ],
    ['a wrong or missing state', { kind: 'wrong_state' } as const, 'failed', 'did not start'],
    [
      'an access_denied redirect',
      { kind: 'refused', error: 'access_denied' } as const,
      'failed',
      'did not allow',
    ],
    [
      'a replayed or forged code',
      { kind: 'code', code: 'used-code' } as const,
      'failed',
      'did not accept',
    ],
  ])('%s: a sentence, and no token anywhere', async (_case, outcome, phase, words) => {
    const world = new SignInWorld();
    const signIn = world.app();
    await signIn.start(ORIGIN);
    world.browserReturns(outcome);
    await settle();
    expect(signIn.status()).toMatchObject({ phase, origin: ORIGIN });
    expect(signIn.status().message).toContain(words);
    expect(world.vault.current).toBeNull();
    expectNothingKept(world, 1);
  });

  it('Home Assistant refusing to make the token (a name clash, an inactive user) keeps nothing', async () => {
    const world = new SignInWorld();
    world.ha.failing.add('createToken');
    const signIn = world.app();
    await signInOnce(world, signIn);
    expect(signIn.status()).toMatchObject({ phase: 'failed' });
    expect(signIn.status().message).toContain('Nothing was kept');
    expect(world.vault.current).toBeNull();
    expectNothingKept(world, 1);
  });

  it('Home Assistant restarting mid-flow: cleaned up once it is back, never with a refused credential', async () => {
    const world = new SignInWorld();
    // The token was made, then Home Assistant went down (and its connection with it) for a while.
    world.downAfter = 'ha.createToken:done';
    const signIn = world.app();
    await signInOnce(world, signIn);
    expect(signIn.status().message).toContain('as soon as it can reach it');
    expect(world.vault.pending).not.toBeNull();
    expect(signIn.isOpen()).toBe(true);

    world.comeBack();
    await signIn.resume();
    expect(world.vault.current).toBeNull();
    expectNothingKept(world, 1);
    expect(signIn.isOpen()).toBe(false);
  });

  it('a second sign-in started while one waits replaces it; the first can no longer come back', async () => {
    const world = new SignInWorld();
    const signIn = world.app();
    await signIn.start(ORIGIN);
    await signIn.start('http://192.168.1.21:8123');
    expect(signIn.status()).toMatchObject({ phase: 'waiting', origin: 'http://192.168.1.21:8123' });
    world.browserReturns();
    await settle();
    expect(signIn.status()).toMatchObject({
      phase: 'signed_in',
      origin: 'http://192.168.1.21:8123',
    });
    expect(world.leftovers()).toEqual([]);
  });

  it('a connected user signing in again replaces the token and the old one is revoked', async () => {
    const world = new SignInWorld({ current: 'same_user' });
    const old = world.vault.current!;
    const signIn = world.app();
    await signInOnce(world, signIn);
    expect(signIn.status()).toMatchObject({ phase: 'signed_in' });
    expect(signIn.status().message).toContain('revoked the old one');
    expect(world.ha.works(old)).toBe(false);
    expect(world.ha.recordOf(world.vault.current)!.clientName).toMatch(/^HA Tray on desk /);
    expectNothingKept(world, 2);
  });

  it('refuses to start while a token rotation is unfinished, with its sentence', async () => {
    const world = new SignInWorld();
    world.busy = 'A token rotation is unfinished.';
    expect(await world.app().start(ORIGIN)).toMatchObject({
      phase: 'failed',
      message: 'A token rotation is unfinished.',
    });
    expect(world.opened).toEqual([]);
  });
});

describe('browser sign-in killed at each step', () => {
  it('leaves no orphan after the next start, and never tries a revoked session', async () => {
    const points: string[] = [];
    for (let crashAt = 0; ; crashAt++) {
      const world = new SignInWorld();
      const first = world.app(crashAt);
      await signInOnce(world, first);
      if (!world.crash.dead) break;
      const at = world.crash.passed[crashAt]!;
      points.push(at);

      const next = world.app();
      await next.resume();
      expect(world.refusedCredentials, at).toBe(0);
      expect(world.vault.pending, at).toBeNull();
      if (world.journal.saved !== null) {
        // Killed while the session was not in the vault (before it got there, or after it left it
        // to be revoked): no credential reaches Home Assistant yet, so the journal keeps the
        // session's client id and the next sign-in removes it.
        expect(world.vault.current, at).toBeNull();
        await signInOnce(world, next);
        expect(next.status().phase, at).toBe('signed_in');
      }
      expect(world.leftovers(), at).toEqual([]);
      expect(world.journal.saved, at).toBeNull();
      expect(world.refusedCredentials, at).toBe(0);
      if (world.vault.current !== null)
        expect(world.ha.works(world.vault.current), `${at}: the stored token works`).toBe(true);
    }
    // Every step was a kill point: the journal writes, the exchange, the vault, Home Assistant.
    expect(points.length).toBeGreaterThan(20);
    expect(points).toEqual(
      expect.arrayContaining([
        'auth.exchangeCode:done',
        'vault.savePending',
        'ha.createToken:done',
      ]),
    );
  });
});
