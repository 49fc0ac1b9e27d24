import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/main/app-services';
import { fileLogSink, type FileLogSink } from '../../src/main/log/file-sink';
import { ipcContract } from '../../src/shared/ipc/contract';
import {
  requestChannel,
  streamNames,
  SUBSCRIBE_CHANNEL,
  valueGetterName,
} from '../../src/shared/ipc/define';
import type { IpcResult } from '../../src/shared/ipc/result';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { FakeSecretStore } from '../fakes/secret-store';
import { fastRetry } from '../support/fast-retry';
import { fakeStreamPage } from '../support/stream-pages';
import { testPlatform } from '../support/app-platform';
import { installNetworkGuard, type NetworkGuard } from '../support/network-guard';
import { snapshotIn } from '../support/supervised-store';
import { mutate, randomPayload, seededRandom } from './fuzz-values';

const PAYLOADS_PER_CHANNEL = 1000;
const events: unknown[] = [];
/** The page's subscriptions go to it: events main sends it are kept to be searched for the token. */
const TRUSTED = {
  url: 'ha-tray://app/settings.html',
  isMainFrame: true,
  page: fakeStreamPage((event) => events.push(event)),
};
const UNTRUSTED = [
  { url: 'https://evil.example/', isMainFrame: true },
  { url: 'ha-tray://app/settings.html', isMainFrame: false },
  { url: undefined, isMainFrame: true },
  { url: 'file:///tmp/page.html', isMainFrame: true },
];

/**
 * What each request takes, written here by hand and apart from the contract's schemas: the
 * number of arguments and the keys an object argument may have. A payload the app accepted
 * (anything but `invalid_payload`) must fit it.
 */
const SHAPES: Record<
  string,
  { arity: number; keys?: string[]; oneOf?: unknown[]; maxString?: number; second?: unknown[] }
> = {
  /** A page follows a stream (true) or leaves it (false). */
  subscribe: { arity: 2, keys: ['stream', 'instance'], second: [true, false] },
  getStatus: { arity: 0 },
  getSettings: { arity: 0 },
  updateSettings: {
    arity: 1,
    keys: ['favourites', 'tokenReminder', 'notifications', 'ui', 'diagnostics'],
  },
  testConnection: { arity: 1, keys: ['url', 'port', 'token'] },
  saveConnection: { arity: 1, keys: ['url', 'port', 'token'] },
  allowWeakStorage: { arity: 1, oneOf: [true] },
  allowPlainHttp: { arity: 1, keys: ['url', 'port'] },
  trustCertificate: { arity: 1, keys: ['url', 'port'] },
  listEntities: { arity: 0 },
  getFavouriteEntities: { arity: 0 },
  setEntityListOpen: { arity: 1, oneOf: [true, false] },
  actOnEntity: { arity: 1, keys: ['entityId', 'action', 'confirmed'] },
  openTokenPage: { arity: 1, keys: ['url', 'port'] },
  getTokenStatus: { arity: 0 },
  rotateToken: { arity: 0 },
  snoozeTokenReminder: { arity: 1, oneOf: ['day', 'week'] },
  replaceToken: { arity: 1, keys: ['token', 'confirmDifferent'] },
  revokeOldToken: { arity: 0 },
  loadTokenAudit: { arity: 0 },
  revokeTokens: { arity: 1, keys: ['ids', 'confirm'] },
  previewNotification: { arity: 1 },
  sendTestNotification: { arity: 1 },
  openSettings: {
    arity: 1,
    oneOf: ['connection', 'favourites', 'notifications', 'token', 'general', 'about'],
  },
  closePanel: { arity: 0 },
  openInHomeAssistant: { arity: 1 },
  getDesktopStatus: { arity: 0 },
  reportPageError: { arity: 1, keys: ['page', 'kind', 'message', 'stack'] },
  setStartAtLogin: { arity: 1, oneOf: [true, false] },
  setGlobalShortcut: { arity: 1, maxString: 60 },
  getAbout: { arity: 0 },
  copyDiagnostics: { arity: 1, keys: ['redactAddress', 'redactEntityNames'] },
  getDiscovery: { arity: 0 },
  refreshDiscovery: { arity: 0 },
  getSignIn: { arity: 0 },
  startSignIn: { arity: 1, keys: ['url'] },
  cancelSignIn: { arity: 0 },
};

/** Every channel a page can call, by the name SHAPES knows it by. */
const CHANNELS: Record<string, string> = Object.fromEntries([
  ...Object.keys(ipcContract.requests).map((name) => [name, requestChannel(name)]),
  ...Object.keys(ipcContract.values).map((value) => [
    valueGetterName(value),
    requestChannel(valueGetterName(value)),
  ]),
  ['subscribe', SUBSCRIBE_CHANNEL],
]);

function fitsShape(name: string, args: unknown): boolean {
  const shape = SHAPES[name]!;
  if (!Array.isArray(args) || args.length !== shape.arity) return false;
  if (shape.second && !shape.second.includes(args[1])) return false;
  if (shape.oneOf) return shape.oneOf.includes(args[0]);
  if (shape.maxString !== undefined)
    return typeof args[0] === 'string' && args[0].length <= shape.maxString;
  if (shape.keys) {
    const arg = args[0];
    if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return false;
    return Object.keys(arg).every((key) => shape.keys!.includes(key));
  }
  return true;
}

/** A user-facing sentence, not a validator's or a stack's words. */
function isSentence(text: unknown): boolean {
  return (
    typeof text === 'string' &&
    /^[A-Z0-9“"]/.test(text) &&
    /[.?!”)]$/.test(text) &&
    !/Invalid request|expected |Too big|Too small|ZodError|at Object\.|TypeError|undefined is not/.test(
      text,
    )
  );
}

let sim: HaSimulator;
let dir: string;
let logSink: FileLogSink;
let app: AppServices;
let guard: NetworkGuard;
const replies: unknown[] = [];
const opened: string[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
/**
 * Node reports a rejection nobody handled once the microtasks after it have run, before the next
 * macrotask: so after this, every rejection of the work done so far has been seen (no wait for a
 * while).
 */
const rejectionsReported = () => new Promise<void>((resolve) => setImmediate(resolve));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  guard = installNetworkGuard();
  sim = await startSimulator();
  guard.watch(sim.token);
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-fuzz-'));
  app = createAppServices(
    testPlatform(dir, {
      secrets: new FakeSecretStore('gnome_libsecret'),
      logSink: (logSink = fileLogSink(join(dir, 'logs', 'ha-tray.log'))),
      shell: { openExternal: async (url) => void opened.push(url) },
    }),
    {
      resolveHost: async () => ['203.0.113.50'],
      connection: { retry: fastRetry(10, 50) },
      entityEventDelayMs: 10,
    },
  );
  for (const stream of streamNames(ipcContract))
    await app.table.handle(SUBSCRIBE_CHANNEL, TRUSTED, [{ stream }, true, 'fuzzpage1']);
  await app.start();
  // Connected as a saved connection connects at start, without a probe, and ready once the
  // entities are in: "connected" is said before they arrive.
  await app.vault.save(sim.token);
  app.settings.setInstance(sim.url);
  app.setup.connectIfReady();
  await snapshotIn(app.entities);
});

afterAll(async () => {
  await app.dispose();
  guard.restore();
  await sim.close();
  // Work the fuzz set off and that ended only with the app (a probe, a login) rejected nothing.
  await rejectionsReported();
  process.off('unhandledRejection', onRejection);
  expect(rejections).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC fuzz of every contract channel', () => {
  it('knows the shape of every channel the contract has', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual(Object.keys(SHAPES).sort());
    expect(Object.values(CHANNELS).sort()).toEqual([...app.table.channels].sort());
  });

  it('survives random and malformed payloads from trusted and untrusted senders', async () => {
    const samples: Record<string, unknown[]> = {
      testConnection: [{ url: sim.url }],
      saveConnection: [{ url: sim.url, port: new URL(sim.url).port }],
      updateSettings: [{ ui: { globalShortcut: 'CommandOrControl+Alt+H', startAtLogin: false } }],
      actOnEntity: [{ entityId: 'light.not_there', action: { kind: 'primary' } }],
      allowPlainHttp: [{ url: 'ha.example.com' }],
      openTokenPage: [{ url: 'homeassistant.local:8123' }],
      openInHomeAssistant: ['/profile/security'],
      snoozeTokenReminder: ['day'],
      openSettings: ['token'],
      subscribe: [{ stream: 'favouriteEntities' }, true],
    };
    const random = seededRandom(20261202);
    const acceptedInvalid: string[] = [];
    for (const [name, channel] of Object.entries(CHANNELS)) {
      for (let i = 0; i < PAYLOADS_PER_CHANNEL; i++) {
        const sample = samples[name];
        const payload = sample && i % 4 === 0 ? mutate(sample, random) : randomPayload(random);
        const sender = UNTRUSTED[i % UNTRUSTED.length]!;
        const foreign = (await app.table.handle(channel, sender, payload)) as IpcResult<unknown>;
        expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
        const reply = (await app.table.handle(channel, TRUSTED, payload)) as IpcResult<unknown>;
        replies.push(reply);
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(isSentence(reply.error.message), reply.error.message).toBe(true);
        const accepted = reply.ok || reply.error.code !== 'invalid_payload';
        if (accepted && !fitsShape(name, payload))
          acceptedInvalid.push(`${name} ${String(JSON.stringify(payload)).slice(0, 120)}`);
      }
      expect(await app.table.handle(`${channel}-x`, TRUSTED, [])).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
    expect(acceptedInvalid).toEqual([]);
    await rejectionsReported();
    expect(rejections).toEqual([]);
    // 60,000 calls: a few seconds when idle, over a minute on two cores at load 20.
  }, 180_000);

  it('lets no call record consent to send the token to another address, or move the instance', async () => {
    // What main's native dialog stores for a moved Home Assistant (src/main/discovery/moved-instance.ts).
    const consent = { uuid: 'abc123', origin: 'http://203.0.113.9:8123', allowed: true };
    const attempts: unknown[][] = [
      [{ trust: { plainHttp: [], certificates: [], addressConsents: [consent] } }],
      [{ instance: { origin: consent.origin, uuid: consent.uuid } }],
      [{ addressConsents: [consent] }],
      [consent],
      [consent.origin, consent.uuid],
      [{ ...consent, url: consent.origin }],
    ];
    for (const channel of Object.values(CHANNELS))
      for (const payload of attempts) await app.table.handle(channel, TRUSTED, payload);
    await rejectionsReported();
    expect(app.settings.get().trust.addressConsents).toBeUndefined();
    expect(app.settings.get().instance).toEqual({ origin: sim.url });
  });

  it('reached no address but loopback, and sent the token nowhere but Home Assistant', () => {
    expect(guard.violations).toEqual([]);
    const simPort = Number(new URL(sim.url).port);
    expect(guard.secretWrites.filter((write) => write.port !== simPort)).toEqual([]);
    // Pages may open Home Assistant's pages in the browser, never another kind of URL.
    for (const url of opened)
      expect(url).toMatch(/^https?:\/\/[^/]+\/profile\/security$|^http:\/\/127\.0\.0\.1/);
  });

  it('left no token in replies, events, logs or files, and every file private', async () => {
    await logSink.flush();
    const token = sim.token;
    expect(JSON.stringify(replies)).not.toContain(token);
    expect(events.length, 'events the page followed').toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(token);
    const files = filesUnder(dir);
    expect(files.some((file) => file.endsWith('ha-tray.log'))).toBe(true);
    for (const file of files) {
      expect(readFileSync(file, 'latin1'), file).not.toContain(token);
      expect((statSync(file).mode & 0o077).toString(8), `${file} is readable by others`).toBe('0');
    }
  });

  it('kept the settings valid by checks of its own, and the instance and token as they were', () => {
    const raw = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(raw).sort()).toEqual(
      [
        'instance',
        'diagnostics',
        'favourites',
        'notifications',
        'schemaVersion',
        'storage',
        'tokenReminder',
        'trust',
        'ui',
      ].sort(),
    );
    expect(raw.instance).toEqual({ origin: sim.url });
    expect(raw.storage).toEqual({ allowWeakEncryption: false });
    expect(raw.trust).toEqual({ plainHttp: [], certificates: [] });
    const favourites = raw.favourites as Array<{ entityId: string; label?: string }>;
    expect(Array.isArray(favourites) && favourites.length <= 500).toBe(true);
    for (const favourite of favourites) {
      expect(favourite.entityId).toMatch(/^[a-z0-9_]+\.[a-z0-9_]+$/);
      expect((favourite.label ?? 'x').trim().length).toBeGreaterThan(0);
    }
    const ui = raw.ui as { globalShortcut: unknown; startAtLogin: unknown };
    expect(typeof ui.globalShortcut === 'string' && ui.globalShortcut.length <= 60).toBe(true);
    expect(typeof ui.startAtLogin).toBe('boolean');
    const reminder = raw.tokenReminder as { intervalDays: unknown };
    expect([null, 30, 60, 90, 180, 365]).toContain(reminder.intervalDays);
    expect(app.vault.token()).toBe(sim.token);
  });
});
