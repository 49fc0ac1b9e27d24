import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/main/app-services';
import { requestChannel } from '../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../src/shared/settings';
import type { IpcResult } from '../../src/shared/ipc/result';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { fastRetry } from '../support/fast-retry';
import { onlyInstance } from '../support/only-instance';
import { testPlatform } from '../support/app-platform';
import { installNetworkGuard, type NetworkGuard } from '../support/network-guard';
import { waitFor } from '../support/wait-for';

const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };

let home: HaSimulator;
let stranger: HaSimulator;
let guard: NetworkGuard;
let dir: string;
let app: AppServices;

const ask = (name: string, ...args: unknown[]) =>
  app.table.handle(requestChannel(name), PAGE, args) as Promise<IpcResult<unknown>>;

beforeEach(async () => {
  guard = installNetworkGuard();
  home = await startSimulator({ locationName: 'Home' });
  // Answers exactly like Home Assistant: the kind of host a typo or a hostile page would name.
  stranger = await startSimulator({ locationName: 'Stranger' });
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-scope-'));
  app = createAppServices(testPlatform(dir), {
    connection: { retry: fastRetry(10, 50) },
  });
  await app.start();
  guard.watch(home.token);
});
afterEach(async () => {
  await app.dispose();
  guard.restore();
  await Promise.all([home.close(), stranger.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the saved token goes only to the origin it was saved with', () => {
  it('refuses every other address a page names, and no byte of the token reaches it', async () => {
    expect(await ask('testConnection', KEY, { url: home.url, token: home.token })).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(await ask('saveConnection', KEY, { url: home.url, token: home.token })).toMatchObject({
      ok: true,
    });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected',
    );

    const homePort = Number(new URL(home.url).port);
    const strangerPort = new URL(stranger.url).port;
    const elsewhere = [
      { url: stranger.url },
      { url: `localhost:${homePort}` },
      { url: `127.0.0.1:${strangerPort}` },
      { url: 'http://203.0.113.7:8123' },
      { url: 'https://homeassistant.example.com' },
      { url: 'abcdefgh.ui.nabu.casa' },
    ];
    for (const candidate of elsewhere) {
      for (const channel of ['testConnection', 'saveConnection']) {
        const reply = await ask(channel, KEY, { ...candidate, token: '' });
        const text = JSON.stringify(reply);
        expect(text, `${channel} ${candidate.url}`).toMatch(/only sent to/);
        expect(text).not.toContain(home.token);
      }
    }

    // The same origin still works without pasting the token again.
    expect(await ask('testConnection', KEY, { url: home.url })).toMatchObject({
      ok: true,
      value: { ok: true, locationName: 'Home' },
    });
    expect(stranger.stats.authAttempts).toBe(0);
    expect(guard.violations).toEqual([]);
    expect(guard.secretWrites.length).toBeGreaterThan(0);
    expect(guard.secretWrites.filter((write) => write.port !== homePort)).toEqual([]);
    expect(app.settings.entry(KEY).origin).toBe(home.url);
  });

  it("another instance never gets this instance's token, not even for a test", async () => {
    await ask('testConnection', KEY, { url: home.url, token: home.token });
    await ask('saveConnection', KEY, { url: home.url, token: home.token });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected',
    );
    const added = await ask('addInstance');
    if (!added.ok) throw new Error(added.error.message);
    const other = added.value as string;

    // Without a pasted token, the new instance has none to send: not the first one's.
    for (const url of [stranger.url, home.url]) {
      const reply = await ask('testConnection', other, { url });
      expect(reply, url).toMatchObject({ ok: true, value: { ok: false, reason: 'invalid_token' } });
      expect(JSON.stringify(reply)).not.toContain(home.token);
    }
    expect(stranger.stats.authAttempts).toBe(0);
    expect(
      guard.secretWrites.filter((write) => write.port !== Number(new URL(home.url).port)),
    ).toEqual([]);
    expect(app.instances.get(other).vault.token()).toBeNull();
  });
});
