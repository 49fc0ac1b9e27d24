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
import { FIRST_INSTANCE_KEY as KEY } from '../../src/shared/settings';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { FakeSecretStore } from '../fakes/secret-store';
import { fastRetry } from '../support/fast-retry';
import { fakeStreamPage } from '../support/stream-pages';
import { onlyInstance } from '../support/only-instance';
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
 * How a page names an instance, written here by hand: HA Tray's key for it, lower-case letters,
 * digits and "-" (src/shared/settings.ts). Any such key passes validation; main then looks it up.
 */
const INSTANCE_KEY = /^[a-z0-9-]{1,40}$/;
const isInstanceKey = (value: unknown) => typeof value === 'string' && INSTANCE_KEY.test(value);

interface Shape {
  /**
   * Where a per-instance request names its instance: `first` before the other arguments,
   * `optional-last` as an optional last argument.
   */
  instance?: 'first' | 'optional-last';
  /** How many arguments besides the instance key. */
  arity: number;
  keys?: string[];
  oneOf?: unknown[];
  maxString?: number;
  second?: unknown[];
}

/**
 * What each request takes, written here by hand and apart from the contract's schemas: the
 * instance key where the request is about one Home Assistant, the number of other arguments and
 * the keys an object argument may have. A payload the app accepted (anything but
 * `invalid_payload`) must fit it.
 */
const SHAPES: Record<string, Shape> = {
  /** A page follows a stream (true) or leaves it (false), from one loaded document. */
  subscribe: { arity: 3, keys: ['stream', 'instance'], second: [true, false] },
  getStatus: { instance: 'first', arity: 0 },
  getSettings: { arity: 0 },
  updateSettings: { arity: 1, keys: ['notifications', 'ui', 'diagnostics'] },
  updateInstance: {
    instance: 'first',
    arity: 1,
    keys: ['name', 'favourites', 'rules', 'tokenReminder'],
  },
  addInstance: { arity: 0 },
  removeInstance: { instance: 'first', arity: 1, keys: ['revokeToken'] },
  testConnection: { instance: 'first', arity: 1, keys: ['url', 'port', 'token'] },
  saveConnection: { instance: 'first', arity: 1, keys: ['url', 'port', 'token'] },
  allowWeakStorage: { instance: 'first', arity: 1, oneOf: [true] },
  allowPlainHttp: { instance: 'first', arity: 1, keys: ['url', 'port'] },
  trustCertificate: { instance: 'first', arity: 1, keys: ['url', 'port'] },
  listEntities: { instance: 'first', arity: 0 },
  getFavouriteEntities: { instance: 'first', arity: 0 },
  setEntityListOpen: { arity: 1, oneOf: [true, false] },
  actOnEntity: { instance: 'first', arity: 1, keys: ['entityId', 'action', 'confirmed'] },
  openTokenPage: { arity: 1, keys: ['url', 'port'] },
  getTokenStatus: { instance: 'first', arity: 0 },
  rotateToken: { instance: 'first', arity: 0 },
  snoozeTokenReminder: { instance: 'first', arity: 1, oneOf: ['day', 'week'] },
  replaceToken: { instance: 'first', arity: 1, keys: ['token', 'confirmDifferent'] },
  revokeOldToken: { instance: 'first', arity: 0 },
  loadTokenAudit: { instance: 'first', arity: 0 },
  revokeTokens: { instance: 'first', arity: 1, keys: ['ids', 'confirm'] },
  previewNotification: { instance: 'first', arity: 1 },
  sendTestNotification: { instance: 'first', arity: 1 },
  openSettings: {
    instance: 'optional-last',
    arity: 1,
    oneOf: ['connection', 'favourites', 'notifications', 'token', 'general', 'about'],
  },
  closePanel: { arity: 0 },
  openInHomeAssistant: { instance: 'first', arity: 1 },
  getDesktopStatus: { arity: 0 },
  reportPageError: { arity: 1, keys: ['page', 'kind', 'message', 'stack'] },
  setStartAtLogin: { arity: 1, oneOf: [true, false] },
  setGlobalShortcut: { arity: 1, maxString: 60 },
  getAbout: { arity: 0 },
  copyDiagnostics: { arity: 1, keys: ['redactAddress', 'redactEntityNames'] },
  getDiscovery: { arity: 0 },
  refreshDiscovery: { arity: 0 },
  getSignIn: { instance: 'first', arity: 0 },
  startSignIn: { instance: 'first', arity: 1, keys: ['url'] },
  cancelSignIn: { instance: 'first', arity: 0 },
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

/**
 * The arguments besides the instance key, or null when the key is missing or not one. An optional
 * key left `undefined` is absent, as structured clone carries it.
 */
function withoutInstance(shape: Shape, args: unknown[]): unknown[] | null {
  if (shape.instance === 'first') return isInstanceKey(args[0]) ? args.slice(1) : null;
  if (shape.instance === 'optional-last' && args.length === shape.arity + 1) {
    const key = args.at(-1);
    return key === undefined || isInstanceKey(key) ? args.slice(0, -1) : null;
  }
  return args;
}

function fitsShape(name: string, payload: unknown): boolean {
  const shape = SHAPES[name]!;
  if (!Array.isArray(payload)) return false;
  const args = withoutInstance(shape, payload);
  if (args === null || args.length !== shape.arity) return false;
  if (shape.second && !shape.second.includes(args[1])) return false;
  if (shape.oneOf) return shape.oneOf.includes(args[0]);
  if (shape.maxString !== undefined)
    return typeof args[0] === 'string' && args[0].length <= shape.maxString;
  if (shape.keys) {
    const arg = args[0];
    if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return false;
    const record = arg as Record<string, unknown>;
    if (record.instance !== undefined && !isInstanceKey(record.instance)) return false;
    return Object.keys(record).every((key) => shape.keys!.includes(key));
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
    for (const key of [{ stream }, { stream, instance: KEY }])
      await app.table.handle(SUBSCRIBE_CHANNEL, TRUSTED, [key, true, 'fuzzpage1']);
  await app.start();
  // Connected as a saved connection connects at start, without a probe, and ready once the
  // entities are in: "connected" is said before they arrive.
  const home = onlyInstance(app);
  await home.vault.save(sim.token);
  home.settings.setOrigin(sim.url);
  home.setup.connectIfReady();
  await snapshotIn(home.entities);
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
    // Valid payloads to mutate: one field, or the instance key, changed at a time.
    const samples: Record<string, unknown[]> = {
      testConnection: [KEY, { url: sim.url }],
      saveConnection: [KEY, { url: sim.url, port: new URL(sim.url).port }],
      updateSettings: [{ ui: { globalShortcut: 'CommandOrControl+Alt+H', startAtLogin: false } }],
      updateInstance: [KEY, { favourites: [{ entityId: 'light.kitchen' }] }],
      actOnEntity: [KEY, { entityId: 'light.not_there', action: { kind: 'primary' } }],
      allowPlainHttp: [KEY, { url: 'ha.example.com' }],
      openTokenPage: [{ url: 'homeassistant.local:8123' }],
      openInHomeAssistant: [KEY, '/profile/security'],
      snoozeTokenReminder: [KEY, 'day'],
      openSettings: ['token', KEY],
      subscribe: [{ stream: 'favouriteEntities', instance: KEY }, true, 'fuzzpage1'],
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
    const moved = { origin: consent.origin, uuid: consent.uuid };
    const attempts: unknown[][] = [
      [{ trust: { plainHttp: [], certificates: [], addressConsents: [consent] } }],
      [{ instance: moved }],
      [{ instances: [{ key: KEY, ...moved }] }],
      [KEY, moved],
      [KEY, { trust: { addressConsents: [consent] } }],
      [{ addressConsents: [consent] }],
      [KEY, { addressConsents: [consent] }],
      [consent],
      [KEY, consent],
      [consent.origin, consent.uuid],
      [KEY, consent.origin, consent.uuid],
      [{ ...consent, url: consent.origin }],
      [KEY, { ...consent, url: consent.origin }],
    ];
    for (const channel of Object.values(CHANNELS))
      for (const payload of attempts) await app.table.handle(channel, TRUSTED, payload);
    await rejectionsReported();
    expect(app.settings.get().trust.addressConsents).toBeUndefined();
    expect(app.settings.get().instances.map((entry) => entry.key)).toEqual([KEY]);
    expect(app.settings.entry(KEY)).toMatchObject({ origin: sim.url });
    expect(app.settings.entry(KEY).uuid).toBeUndefined();
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
        'diagnostics',
        'instances',
        'notifications',
        'schemaVersion',
        'storage',
        'trust',
        'ui',
      ].sort(),
    );
    // No call added or removed a Home Assistant: the one the fuzz began with is there, as it was.
    const instances = raw.instances as Array<Record<string, unknown>>;
    expect(instances.map((entry) => entry.key)).toEqual([KEY]);
    const [entry] = instances as [Record<string, unknown>];
    expect(entry.origin).toBe(sim.url);
    expect(entry).not.toHaveProperty('uuid');
    expect(raw.storage).toEqual({ allowWeakEncryption: false });
    expect(raw.trust).toEqual({ plainHttp: [], certificates: [] });
    const favourites = entry.favourites as Array<{ entityId: string; label?: string }>;
    expect(Array.isArray(favourites) && favourites.length <= 500).toBe(true);
    for (const favourite of favourites) {
      expect(favourite.entityId).toMatch(/^[a-z0-9_]+\.[a-z0-9_]+$/);
      expect((favourite.label ?? 'x').trim().length).toBeGreaterThan(0);
    }
    expect(Array.isArray(entry.rules)).toBe(true);
    const name = entry.name as unknown;
    expect(name === null || (typeof name === 'string' && name.trim().length > 0)).toBe(true);
    const ui = raw.ui as { globalShortcut: unknown; startAtLogin: unknown; traySensor: unknown };
    expect(typeof ui.globalShortcut === 'string' && ui.globalShortcut.length <= 60).toBe(true);
    expect(typeof ui.startAtLogin).toBe('boolean');
    const sensor = ui.traySensor as { instance: unknown } | null;
    expect(sensor === null || /^[a-z0-9-]{1,40}$/.test(String(sensor.instance))).toBe(true);
    const reminder = entry.tokenReminder as { intervalDays: unknown };
    expect([null, 30, 60, 90, 180, 365]).toContain(reminder.intervalDays);
    expect(onlyInstance(app).vault.token()).toBe(sim.token);
  });
});
