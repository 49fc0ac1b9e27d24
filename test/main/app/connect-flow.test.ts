import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { AppStatus } from '../../../src/shared/app-status';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { testPlatform } from '../../support/app-platform';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { FakeSecretStore } from '../../fakes/secret-store';
import { tamper } from '../../support/tamper';
import { waitFor } from '../../support/wait-for';
import { fastRetry } from '../../support/fast-retry';
import { snapshotIn } from '../../support/supervised-store';
import { followEveryStream } from '../../support/stream-pages';
import { onlyInstance } from '../../support/only-instance';

const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };

let sim: HaSimulator;
let dir: string;
const logLines: string[] = [];
const pageMessages: Array<{ channel: string; payload: unknown }> = [];
const replies: unknown[] = [];
const opened: string[] = [];
const running: AppServices[] = [];
const secrets = new FakeSecretStore('gnome_libsecret');

function boot(): AppServices {
  const app = createAppServices(
    testPlatform(dir, {
      secrets,
      shell: { openExternal: async (url) => void opened.push(url) },
      logSink: { write: (line) => void logLines.push(line) },
    }),
    {
      connection: { retry: fastRetry(10, 50) },
      entityEventDelayMs: 10,
    },
  );
  running.push(app);
  followEveryStream(app.table, (event) => pageMessages.push(event));
  return app;
}

/** As the renderer calls it: through the handler table, with the page as sender. */
async function ask<T>(app: AppServices, name: string, ...args: unknown[]): Promise<IpcResult<T>> {
  const result = (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
  replies.push(result);
  return result;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeEach(async () => {
  sim = await startSimulator({ locationName: 'Cottage' });
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-userdata-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.dispose()));
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('connect flow against the simulator', () => {
  it('explains bad input, saves only a tested connection, connects, survives a restart, and never leaks the token', async () => {
    const app = boot();
    await app.start();
    expect(await ask<AppStatus>(app, 'getStatus', KEY)).toMatchObject({
      ok: true,
      value: { connection: { state: 'not_configured' }, token: { present: false } },
    });

    const badUrl = await ask(app, 'testConnection', KEY, { url: 'ftp://ha.lan', token: sim.token });
    expect(badUrl).toMatchObject({ ok: true, value: { ok: false, reason: 'invalid_url' } });
    const pastedBadly = await ask(app, 'testConnection', KEY, {
      url: sim.url,
      token: `Bearer "${tamper(sim.token)}"`,
    });
    expect(pastedBadly).toMatchObject({ ok: true, value: { ok: false, reason: 'unauthorized' } });
    const untested = await ask(app, 'saveConnection', KEY, { url: sim.url, token: sim.token });
    expect(untested).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('Test the connection first') },
    });

    const tested = await ask(app, 'testConnection', KEY, {
      url: sim.url.replace('http://', ''),
      token: `  Bearer ${sim.token}\n`,
    });
    expect(tested).toMatchObject({
      ok: true,
      value: { ok: true, locationName: 'Cottage', userName: 'Owner', version: '2024.1.6' },
    });
    const saved = await ask<AppStatus>(app, 'saveConnection', KEY, {
      url: sim.url.replace('http://', ''),
      token: `  Bearer ${sim.token}\n`,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { instance: { origin: sim.url }, token: { present: true, state: 'ready' } },
    });
    const instance = onlyInstance(app);
    await snapshotIn(instance.entities);
    expect(instance.store.size).toBe(sim.states().length);

    const entities = await ask<Array<{ entity_id: string }>>(app, 'listEntities', KEY);
    expect(entities.ok && entities.value.map((e) => e.entity_id)).toContain('light.kitchen');
    await waitFor(
      () => pageMessages.some((m) => m.channel.endsWith(`:entityListChanged@${KEY}`)),
      'entity list event',
    );
    expect(
      await ask(app, 'actOnEntity', KEY, {
        entityId: 'light.kitchen',
        action: { kind: 'primary' },
      }),
    ).toEqual({ ok: true, value: undefined });
    expect(sim.getState('light.kitchen')!.state).toBe('off');
    expect(
      await ask(app, 'actOnEntity', KEY, {
        entityId: 'lock.front_door',
        action: { kind: 'primary' },
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Unlock Front door?' },
    });
    expect(await ask(app, 'openInHomeAssistant', KEY, '/profile/security')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(opened).toEqual([`${sim.url}/profile/security`]);
    expect(await ask(app, 'openInHomeAssistant', KEY, '//evil.example/')).toMatchObject({
      ok: false,
    });
    expect(await ask(app, 'openTokenPage', { url: 'homeassistant.local:8123' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(opened.at(-1)).toBe('http://homeassistant.local:8123/profile/security');
    expect(await ask(app, 'openTokenPage', { url: 'ftp://x' })).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });

    // A second start reads the encrypted token and connects by itself.
    await app.dispose();
    const again = boot();
    await again.start();
    await waitFor(
      () => onlyInstance(again).supervisor.getStatus().state === 'connected',
      'reconnected after restart',
    );
    await waitFor(
      () => (onlyInstance(again).setup.status().instance?.locationName ?? '') === 'Cottage',
      'location name',
    );

    // The token appears nowhere: not on disk, not in logs, not in anything sent to a page.
    const token = sim.token;
    for (const file of filesUnder(dir))
      expect(readFileSync(file, 'utf8'), file).not.toContain(token);
    expect(logLines.join('\n')).not.toContain(token);
    expect(JSON.stringify(pageMessages)).not.toContain(token);
    expect(JSON.stringify(replies)).not.toContain(token);
    expect(pageMessages.length).toBeGreaterThan(0);

    // Every line says which module spoke, and for which Home Assistant where it is one's:
    // "2026-… INFO [connection@first] Connected …".
    expect(
      logLines.filter((line) =>
        line.includes(` INFO [connection@${KEY}] Connected to Home Assistant 20`),
      ),
    ).toHaveLength(2);
    expect(logLines.filter((line) => !/^\S+ [A-Z]+ \[[a-z-]+(@[a-z0-9-]+)?\] /.test(line))).toEqual(
      [],
    );
  });

  it('a token saved for a new address never goes to the old one, not even for a moment', async () => {
    const app = boot();
    await app.start();
    await ask(app, 'testConnection', KEY, { url: sim.url, token: sim.token });
    await ask(app, 'saveConnection', KEY, { url: sim.url, token: sim.token });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected to the first',
    );
    const other = await startSimulator({ locationName: 'Cabin' });
    try {
      const failuresBefore = sim.stats.authFailures;
      expect(
        await ask(app, 'testConnection', KEY, { url: other.url, token: other.token }),
      ).toMatchObject({
        ok: true,
        value: { ok: true },
      });
      await ask(app, 'saveConnection', KEY, { url: other.url, token: other.token });
      await waitFor(
        () => onlyInstance(app).supervisor.getStatus().state === 'connected',
        'connected to the second',
      );
      expect(app.settings.entry(KEY).origin).toBe(new URL(other.url).origin);
      // The first Home Assistant never saw the second one's token (each refusal counts toward a ban).
      expect(sim.stats.authFailures).toBe(failuresBefore);
    } finally {
      await Promise.all(running.splice(0).map((a) => a.dispose()));
      await other.close();
    }
  });

  it('refuses foreign senders and invalid payloads without running anything', async () => {
    const app = boot();
    await app.start();
    const foreign = await app.table.handle(
      requestChannel('testConnection'),
      { url: 'https://evil.example/', isMainFrame: true },
      [KEY, { url: sim.url, token: sim.token }],
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    for (const args of [
      [KEY, { url: sim.url, token: 5 }],
      [KEY, { url: sim.url, extra: true }],
      [KEY, 'x'],
      [KEY],
      [{ url: sim.url, token: sim.token }],
      [],
    ]) {
      expect(await ask(app, 'testConnection', ...args)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(
      await ask(app, 'actOnEntity', KEY, {
        entityId: 'light.kitchen',
        action: { kind: 'explode' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    // A page never sets an address through the settings: only a tested "Save" does.
    expect(
      await ask(app, 'updateSettings', {
        instances: [{ key: KEY, origin: 'https://evil.example' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await ask(app, 'updateInstance', KEY, { origin: 'https://evil.example' })).toMatchObject(
      { ok: false, error: { code: 'invalid_payload' } },
    );
    expect(app.settings.entry(KEY).origin).toBeNull();
    expect(sim.stats.authAttempts).toBe(0);
  });

  it('ban lifted: Test + Save with the same address and token connects again', async () => {
    await sim.close();
    sim = await startSimulator({ locationName: 'Cottage', banThreshold: 1 });
    const app = boot();
    await app.start();
    const candidate = { url: sim.url, token: sim.token };
    await ask(app, 'testConnection', KEY, candidate);
    await ask(app, 'saveConnection', KEY, candidate);
    const { supervisor } = onlyInstance(app);
    await waitFor(() => supervisor.getStatus().state === 'connected', 'connected');
    await fetch(`${sim.url}/api/`, { headers: { Authorization: 'Bearer wrong' } });
    await sim.restart({ downMs: 1 });
    await waitFor(() => supervisor.getStatus().state === 'banned', 'banned');

    sim.unban();
    expect(await ask(app, 'testConnection', KEY, candidate)).toMatchObject({ value: { ok: true } });
    await ask(app, 'saveConnection', KEY, candidate);
    await waitFor(() => supervisor.getStatus().state === 'connected', 'connected again');
  });
});
