import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_TIMEOUT_MS,
  openLoopbackCallback,
  type LoopbackCallback,
} from '../../../src/main/sign-in/loopback-callback';
import { FakeClock } from '../../support/fake-clock';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function call(
  callback: LoopbackCallback,
  path: string,
  { method = 'GET', host }: { method?: string; host?: string } = {},
): Promise<Answer> {
  const { port } = new URL(callback.clientId);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: host ? { host } : {} },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const open = () => openLoopbackCallback(new FakeClock(0));

describe('the loopback listener a browser sign-in comes back to', () => {
  it('is a loopback client id and redirect on one random port, with a random state', async () => {
    const a = await open();
    const b = await open();
    expect(a.clientId).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(a.redirectUri).toBe(`${a.clientId}callback`);
    expect(a.clientId).not.toBe(b.clientId);
    expect(a.state).toMatch(/^[\w-]{32}$/);
    expect(a.state).not.toBe(b.state);
    a.cancel();
    b.cancel();
  });

  it('answers 404 to anything but GET /callback on its own host, and keeps waiting', async () => {
    const callback = await open();
    const state = encodeURIComponent(callback.state);
    expect((await call(callback, '/')).status).toBe(404);
    expect((await call(callback, `/favicon.ico`)).status).toBe(404);
    expect(
      (await call(callback, `/callback?code=c&state=${state}`, { method: 'POST' })).status,
    ).toBe(404);
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is not the browser's redirect.
    const rebound = await call(callback, `/callback?code=c&state=${state}`, {
      host: 'evil.example:80',
    });
    expect(rebound.status).toBe(404);
    const done = await call(callback, `/callback?code=the-code&state=${state}`);
    expect(done.status).toBe(200);
    expect(await callback.outcome).toEqual({ kind: 'code', code: 'the-code' });
  });

  it('shows a plain page of its own, light and dark, with nothing from elsewhere', async () => {
    const callback = await open();
    const page = await call(
      callback,
      `/callback?code=c&state=${encodeURIComponent(callback.state)}`,
    );
    expect(page.body).toContain('You can close this tab');
    expect(page.body).toContain('prefers-color-scheme: dark');
    expect(page.body).not.toMatch(/<script|https?:\/\//);
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['a wrong state', '/callback?code=c&state=someone-else', { kind: 'wrong_state' }],
    ['no state', '/callback?code=c', { kind: 'wrong_state' }],
  ])(
    '%s gets the error page and ends the attempt; the code is never used',
    async (_case, path, outcome) => {
      const callback = await open();
      const page = await call(callback, path);
      expect(page.body).toContain('Sign-in did not finish');
      expect(await callback.outcome).toEqual(outcome);
      await expect(call(callback, '/callback')).rejects.toThrow(/ECONNREFUSED/);
    },
  );

  it('an access_denied redirect ends the attempt as refused', async () => {
    const callback = await open();
    await call(
      callback,
      `/callback?error=access_denied&state=${encodeURIComponent(callback.state)}`,
    );
    expect(await callback.outcome).toEqual({ kind: 'refused', error: 'access_denied' });
  });

  it('closes after the first callback: a second one finds nobody', async () => {
    const callback = await open();
    const state = encodeURIComponent(callback.state);
    await call(callback, `/callback?code=first&state=${state}`);
    await expect(call(callback, `/callback?code=second&state=${state}`)).rejects.toThrow(
      /ECONNREFUSED/,
    );
    expect(await callback.outcome).toEqual({ kind: 'code', code: 'first' });
  });

  it('closes on cancel and after five minutes', async () => {
    const cancelled = await open();
    cancelled.cancel();
    expect(await cancelled.outcome).toEqual({ kind: 'cancelled' });
    await expect(call(cancelled, '/callback')).rejects.toThrow(/ECONNREFUSED/);

    const clock = new FakeClock(0);
    const forgotten = await openLoopbackCallback(clock);
    clock.advance(CALLBACK_TIMEOUT_MS - 1);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1);
    expect(await forgotten.outcome).toEqual({ kind: 'timed_out' });
    await expect(call(forgotten, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });
});
