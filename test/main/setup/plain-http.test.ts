import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { classifyHost, isLocalAddress, isLocalName } from '../../../src/main/setup/address-class';
import { requestChannel } from '../../../src/shared/ipc/define';
import { testPlatform } from '../../support/app-platform';
import { installNetworkGuard, type NetworkGuard } from '../../support/network-guard';

const TOKEN = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"iss":"x"}').toString('base64url')}.${'s'.repeat(43)}`;
const DNS: Record<string, string[]> = {
  'ha.example.com': ['203.0.113.9'],
  'ha.inside.example': ['192.168.1.20'],
  'ha.tail.example': ['100.101.102.103'],
  'mixed.example': ['192.168.1.20', '198.51.100.1'],
};
const resolveHost = async (host: string) => {
  const found = DNS[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found;
};

describe('address classification', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.10.10',
    '100.64.0.1',
    '100.127.255.254',
    '::1',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:192.168.1.2',
  ])('%s is local', (address) => expect(isLocalAddress(address)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '203.0.113.9', '2001:db8::1', '::ffff:8.8.8.8'])(
    '%s is remote',
    (address) => expect(isLocalAddress(address)).toBe(false),
  );

  it('takes .local, .lan, .home.arpa and single-label names as local without resolving them', () => {
    for (const name of [
      'homeassistant.local',
      'ha.lan',
      'ha.home.arpa',
      'homeassistant',
      'localhost',
    ])
      expect(isLocalName(name), name).toBe(true);
    expect(isLocalName('ha.example.com')).toBe(false);
  });

  it('classifies other names by every address they resolve to', async () => {
    expect(await classifyHost('ha.inside.example', resolveHost)).toBe('local');
    expect(await classifyHost('ha.tail.example', resolveHost)).toBe('local');
    expect(await classifyHost('ha.example.com', resolveHost)).toBe('remote');
    expect(await classifyHost('mixed.example', resolveHost)).toBe('remote');
    expect(await classifyHost('nowhere.example', resolveHost)).toBe('unresolved');
    expect(await classifyHost('[2001:db8::1]', resolveHost)).toBe('remote');
  });
});

describe('plain http to a remote address', () => {
  const PAGE = { url: 'ha-tray://app/settings.html', isMainFrame: true };
  let dir: string;
  let app: AppServices;
  let guard: NetworkGuard;
  let answer = false;
  const asked: string[] = [];
  const ask = (name: string, ...args: unknown[]) =>
    app.table.handle(requestChannel(name), PAGE, args);

  beforeEach(async () => {
    asked.length = 0;
    guard = installNetworkGuard();
    guard.watch(TOKEN);
    dir = mkdtempSync(join(tmpdir(), 'ha-tray-http-'));
    app = createAppServices(
      testPlatform(dir, {
        dialogs: { confirm: async (q) => (asked.push(q), answer), showError: () => undefined },
      }),
      { resolveHost },
    );
    await app.start();
  });
  afterEach(() => {
    app.dispose();
    guard.restore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused with a warning until the user agrees in main’s dialog, and the consent is kept per origin', async () => {
    for (const url of ['ha.example.com:8123', 'http://203.0.113.9:8123', 'mixed.example']) {
      expect(await ask('testConnection', 'first', { url, token: TOKEN })).toMatchObject({
        ok: true,
        value: {
          ok: false,
          reason: 'insecure_http',
          message: expect.stringMatching(/unencrypted/),
        },
      });
    }
    expect(guard.violations).toEqual([]);
    expect(guard.secretWrites).toEqual([]);

    answer = false;
    expect(await ask('allowPlainHttp', 'first', { url: 'ha.example.com:8123' })).toEqual({
      ok: true,
      value: false,
    });
    expect(app.settings.get().trust.plainHttp).toEqual([]);
    answer = true;
    expect(await ask('allowPlainHttp', 'first', { url: 'ha.example.com:8123' })).toEqual({
      ok: true,
      value: true,
    });
    expect(app.settings.get().trust.plainHttp).toEqual(['http://ha.example.com:8123']);
    expect(asked).toHaveLength(2);

    // With consent the test goes ahead (here the guard refuses the connection itself).
    expect(
      await ask('testConnection', 'first', { url: 'ha.example.com:8123', token: TOKEN }),
    ).toMatchObject({
      ok: true,
      value: { ok: false, reason: expect.not.stringMatching(/insecure_http/) },
    });
    // Another port of the same host is another origin.
    expect(
      await ask('testConnection', 'first', { url: 'ha.example.com:8124', token: TOKEN }),
    ).toMatchObject({
      value: { reason: 'insecure_http' },
    });
  });

  it('lets local addresses and https through without asking', async () => {
    for (const url of [
      'ha.inside.example:8123',
      'ha.tail.example',
      'homeassistant.local:8123',
      'https://ha.example.com',
    ]) {
      const reply = await ask('testConnection', 'first', { url, token: TOKEN });
      expect(JSON.stringify(reply), url).not.toMatch(/insecure_http/);
    }
    expect(await ask('allowPlainHttp', 'first', { url: 'ha.lan:8123' })).toEqual({
      ok: true,
      value: true,
    });
    expect(asked).toEqual([]);
  });
});
