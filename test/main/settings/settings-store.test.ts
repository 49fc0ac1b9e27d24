import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsShape } from '../../../src/main/settings/load-settings';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { DEFAULT_SETTINGS, FIRST_INSTANCE_KEY } from '../../../src/shared/settings';
import { recordingLogger } from '../../support/test-logger';

let dir: string;
const file = () => join(dir, 'settings.json');
const open = (shape?: SettingsShape) =>
  SettingsStore.open({
    cwd: dir,
    logger: recordingLogger(),
    now: () => new Date('2026-11-23T10:00:00Z'),
    shape,
  });
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8'));
const SHA = Array.from({ length: 32 }, () => 'AB').join(':');
const PEM = '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n';
const backups = () => readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'));
const FIRST = FIRST_INSTANCE_KEY;
/** The first instance's entry as the defaults have it, with some fields changed. */
const firstEntry = (fields: Record<string, unknown> = {}) => ({
  ...DEFAULT_SETTINGS.instances[0]!,
  ...fields,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts from defaults and writes them', () => {
    const store = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery).toBeNull();
    expect(store.path).toBe(file());
    expect(onDisk()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      instances: [
        { key: FIRST, origin: null, favourites: [], tokenReminder: { intervalDays: 90 } },
      ],
      storage: { allowWeakEncryption: false },
      ui: { globalShortcut: 'CommandOrControl+Alt+H', startAtLogin: false },
    });
  });

  it('keeps changes across restarts and tells listeners, once per real change', () => {
    const store = open();
    const listener = vi.fn();
    const off = store.onChange(listener);
    const favourites = [
      { entityId: 'light.kitchen', label: 'Kitchen' },
      { entityId: 'lock.front' },
    ];
    store.updateInstance(FIRST, { favourites });
    store.updateInstance(FIRST, { favourites });
    store.setInstanceOrigin(FIRST, 'http://homeassistant.local:8123');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener).toHaveBeenLastCalledWith(store.get());
    off();
    store.allowWeakStorage();
    expect(listener).toHaveBeenCalledTimes(2);

    expect(open().get()).toMatchObject({
      instances: [{ key: FIRST, origin: 'http://homeassistant.local:8123', favourites }],
      storage: { allowWeakEncryption: true },
    });
    store.setInstanceOrigin(FIRST, null);
    expect(open().get().instances[0]!.origin).toBeNull();
  });

  it('refuses invalid changes with a clear error and keeps what it had', () => {
    const store = open();
    for (const patch of [
      { favourites: [{ entityId: 'not an id' }] },
      { favourites: [{ entityId: 'light.a' }, { entityId: 'light.a' }] },
      { tokenReminder: { intervalDays: 45 } },
      { name: '' },
      { name: 'x'.repeat(41) },
      { origin: 'http://elsewhere' },
      { key: 'other' },
      'garbage',
    ])
      expect(() => store.updateInstance(FIRST, patch)).toThrow(/not valid/);
    for (const patch of [
      { favourites: [] },
      { instances: [] },
      { ui: { globalShortcut: 'x'.repeat(61) } },
      { ui: { globalShortcut: 'H' } },
      { ui: { globalShortcut: 'Shift+H' } },
      { ui: { traySensor: 'light.a' } },
      { ui: { traySensor: { instance: FIRST, entityId: 'not an id' } } },
      { token: 'eyJ...' },
      'garbage',
      null,
    ]) {
      expect(() => store.update(patch)).toThrow(/not valid/);
    }
    for (const origin of ['homeassistant.local', 'http://ha.local:8123/lovelace', 'ftp://ha.local'])
      expect(() => store.setInstanceOrigin(FIRST, origin)).toThrow(/not valid/);
    expect(() => store.updateInstance('gone', { name: 'Cabin' })).toThrow(/not set up/);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(onDisk()).toEqual(DEFAULT_SETTINGS);
  });

  it('a file that is not JSON: backed up, defaults loaded, the user is told', () => {
    writeFileSync(file(), '{ "favourites": [');
    const store = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery).toEqual({
      reason: expect.stringMatching(/damaged.*Default settings were loaded/),
      backupPath: join(dir, 'settings.json.corrupt-2026-11-23T10-00-00-000Z'),
      reset: ['*'],
    });
    expect(readFileSync(store.recovery!.backupPath, 'utf8')).toBe('{ "favourites": [');
    expect(onDisk()).toEqual(DEFAULT_SETTINGS);
    // The next start finds a good file and says nothing.
    expect(open().recovery).toBeNull();
  });

  it.each([
    ['an empty file', ''],
    ['a list', '[]'],
    ['null', 'null'],
  ])('%s: backed up, defaults loaded, the user is told', (_, text) => {
    writeFileSync(file(), text);
    const store = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery?.reason).toMatch(/Default settings were loaded/);
    expect(backups()).toHaveLength(1);
  });

  it('a hand-edited file: keeps what is valid, resets what is not, backs up the original', () => {
    const edited = {
      ...DEFAULT_SETTINGS,
      instances: [
        {
          key: FIRST,
          origin: 'http://192.168.1.10:8123',
          favourites: [
            { entityId: 'switch.tv' },
            { entityId: 'Not An Id' },
            { entityId: 'light.hall' },
            { entityId: 'switch.tv' },
          ],
          tokenReminder: { intervalDays: 'often', snoozedUntil: '2026-12-01T00:00:00.000Z' },
        },
        { key: 'NOT A KEY', origin: 'http://192.168.1.11:8123' },
      ],
      ui: { globalShortcut: 'Alt+H', startAtLogin: 'yes' },
    };
    writeFileSync(file(), JSON.stringify(edited, null, 2));
    const store = open();
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      instances: [
        firstEntry({
          origin: 'http://192.168.1.10:8123',
          favourites: [{ entityId: 'switch.tv' }, { entityId: 'light.hall' }],
          tokenReminder: {
            intervalDays: 90,
            snoozedUntil: '2026-12-01T00:00:00.000Z',
            lastNotifiedAt: null,
          },
        }),
      ],
      ui: { globalShortcut: 'Alt+H', startAtLogin: false, traySensor: null },
    });
    expect(store.recovery?.reset).toEqual([
      'instances[0].favourites[1]',
      'instances[0].favourites[3]',
      'instances[0].tokenReminder.intervalDays',
      'instances[1]',
      'ui.startAtLogin',
    ]);
    expect(store.recovery?.reason).toBe(
      'Some settings in the file were not valid and were reset: the Home Assistants, their favourites, rules and token reminders, the shortcut, start at login and the tray sensor.',
    );
    expect(readFileSync(store.recovery!.backupPath, 'utf8')).toBe(JSON.stringify(edited, null, 2));
    expect(onDisk()).toEqual(store.get());
  });

  it('drops entries it does not know, such as a token pasted in by hand', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
    writeFileSync(
      file(),
      JSON.stringify({ ...DEFAULT_SETTINGS, token, ui: { ...DEFAULT_SETTINGS.ui, token } }),
    );
    const store = open();
    expect(store.recovery?.reason).toMatch(/entries HA Tray does not know \(removed\)/);
    expect(JSON.stringify(store.recovery)).not.toContain(token);
    expect(readFileSync(file(), 'utf8')).not.toContain(token);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('fills in what an older file lacks from the defaults, without telling the user', () => {
    const older = {
      schemaVersion: 1,
      favourites: [{ entityId: 'light.a' }],
      tokenReminder: { intervalDays: null },
    };
    writeFileSync(file(), JSON.stringify(older));
    const store = open();
    expect(store.recovery).toBeNull();
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      instances: [
        firstEntry({
          favourites: [{ entityId: 'light.a' }],
          tokenReminder: { intervalDays: null, snoozedUntil: null, lastNotifiedAt: null },
        }),
      ],
    });
    expect(backups()).toHaveLength(0);
  });

  it('a file from a newer HA Tray: left byte for byte, defaults for this run, and the user is told', () => {
    const newer = JSON.stringify({ schemaVersion: 4, instances: 'moved elsewhere' }, null, '\t');
    writeFileSync(file(), newer, { mode: 0o600 });
    const store = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery).toBeNull();
    expect(store.notice()).toBe(
      'The settings file was saved by a newer version of HA Tray (settings version 4; this one ' +
        'knows up to 3). HA Tray leaves it untouched and does not save changes to it; update HA ' +
        'Tray to use it again. Until then HA Tray runs with default settings, and what you ' +
        'change is kept only until it quits.',
    );
    // The app keeps running: changes apply for this run, and reach the listeners, not the file.
    const seen: unknown[] = [];
    store.onChange((settings) => seen.push(settings));
    store.setInstanceOrigin(FIRST, 'http://homeassistant.local:8123');
    store.updateInstance(FIRST, { favourites: [{ entityId: 'light.a' }] });
    store.pinCertificate({ origin: 'https://ha.local', sha256: SHA, pem: PEM });
    expect(store.get().instances[0]!.origin).toBe('http://homeassistant.local:8123');
    expect(seen).toHaveLength(3);
    expect(store.path).toBe(file());
    expect(readFileSync(file(), 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['settings.json']);
    // The next start finds it as it was.
    expect(open().notice()).toMatch(/newer version of HA Tray/);
  });

  it('the notice after a repair says where the old file went; none when all was well', () => {
    writeFileSync(file(), 'not json');
    expect(open().notice()).toBe(
      'The settings file was damaged (it is not valid JSON). Default settings were loaded. A ' +
        'copy of the old file was kept next to the new one.',
    );
    expect(open().notice()).toBeNull();
  });

  it('upgrades an older file with its migrations, keeping a copy of the old one', () => {
    const v1 = { schemaVersion: 1, ui: { shortcut: 'Alt+H', startAtLogin: true } };
    writeFileSync(file(), JSON.stringify(v1));
    const shape: SettingsShape = {
      version: 2,
      migrations: [
        {
          version: 2,
          description: 'ui.shortcut is now ui.globalShortcut',
          up: ({ ui, ...rest }) => {
            const { shortcut, ...others } = ui as Record<string, unknown>;
            return { ...rest, ui: { ...others, globalShortcut: shortcut } };
          },
        },
      ],
    };
    const store = open(shape);
    expect(store.recovery).toBeNull();
    expect(store.get()).toMatchObject({
      schemaVersion: 2,
      ui: { globalShortcut: 'Alt+H', startAtLogin: true, traySensor: null },
    });
    expect(onDisk()).toEqual(store.get());
    expect(JSON.parse(readFileSync(join(dir, 'settings.json.version-1'), 'utf8'))).toEqual(v1);
    expect(open(shape).get()).toEqual(store.get());
  });

  it('treats a section sent as undefined as no change: nothing vanishes and listeners get whole settings', () => {
    const store = open();
    store.updateInstance(FIRST, { favourites: [{ entityId: 'light.a' }] });
    const seen: unknown[] = [];
    store.onChange((settings) => seen.push(settings));
    store.update({ ui: undefined, notifications: undefined });
    store.updateInstance(FIRST, { favourites: undefined, tokenReminder: undefined });
    store.update({ diagnostics: undefined, ui: { globalShortcut: '', startAtLogin: true } });
    expect(onDisk()).toMatchObject({
      instances: [
        firstEntry({
          favourites: [{ entityId: 'light.a' }],
          tokenReminder: DEFAULT_SETTINGS.instances[0]!.tokenReminder,
        }),
      ],
      notifications: DEFAULT_SETTINGS.notifications,
      ui: { startAtLogin: true },
    });
    expect(Object.keys(onDisk()).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(seen).toHaveLength(1);
  });

  it('lets no page change token storage: only main, after its own dialog', () => {
    const store = open();
    expect(() => store.update({ storage: { allowWeakEncryption: true } })).toThrow(/not valid/);
    expect(onDisk().storage).toEqual({ allowWeakEncryption: false });
    store.allowWeakStorage();
    expect(onDisk().storage).toEqual({ allowWeakEncryption: true });
  });

  it('keeps the settings file and every backup readable by the owner only', () => {
    writeFileSync(file(), '{"favourites": 5}', { mode: 0o644 });
    const store = open();
    store.updateInstance(FIRST, { favourites: [{ entityId: 'light.b' }] });
    writeFileSync(file(), 'not json', { mode: 0o644 });
    open();
    const files = readdirSync(dir).filter((f) => f.startsWith('settings.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files)
      expect((statSync(join(dir, name)).mode & 0o777).toString(8), name).toBe('600');
  });

  it.skipIf(process.platform === 'win32')(
    'narrows the user-data folder to its owner, as every store that writes into it does',
    () => {
      chmodSync(dir, 0o755);
      open();
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    },
  );

  it('never writes a token into the settings file: no field can hold one', () => {
    const token = `eyJhbGciOiJIUzI1NiJ9.${'eyJpc3MiOiJhYmMifQ'.repeat(6)}.${'c2lnbmF0dXJl'.repeat(4)}`;
    const store = open();
    const attempts: unknown[] = [
      { ui: { globalShortcut: token } },
      { storage: { allowWeakEncryption: true, token } },
    ];
    for (const patch of attempts) expect(() => store.update(patch)).toThrow(/not valid/);
    const instanceAttempts: unknown[] = [
      { favourites: [{ entityId: 'light.a', label: token }] },
      { favourites: [{ entityId: `light.${token}` }] },
      { tokenReminder: { snoozedUntil: token } },
      { name: token },
    ];
    for (const patch of instanceAttempts)
      expect(() => store.updateInstance(FIRST, patch)).toThrow(/not valid/);
    expect(() => store.setInstanceOrigin(FIRST, `http://ha.local:8123/?token=${token}`)).toThrow(
      /not valid/,
    );
    expect(() => store.setInstanceOrigin(FIRST, `http://${token}:8123`)).toThrow(/not valid/);
    expect(existsSync(file())).toBe(true);
    expect(readFileSync(file(), 'utf8')).not.toContain(token.slice(0, 40));
  });

  it("remembers the saved instance's uuid with its address, and forgets it with a new address", () => {
    const store = open();
    const first = () => onDisk().instances[0];
    store.setInstanceOrigin(FIRST, 'http://192.168.1.10:8123');
    store.rememberInstanceUuid(FIRST, 'abc123');
    store.rememberLocationName(FIRST, 'Home');
    expect(first()).toMatchObject({
      origin: 'http://192.168.1.10:8123',
      uuid: 'abc123',
      locationName: 'Home',
    });
    store.setInstanceOrigin(FIRST, 'http://192.168.1.10:8123');
    expect(first().uuid).toBe('abc123');
    store.setInstanceOrigin(FIRST, 'http://192.168.1.99:8123');
    expect(first()).toEqual(firstEntry({ origin: 'http://192.168.1.99:8123' }));
    expect(() => store.rememberInstanceUuid(FIRST, 'not.an.id')).toThrow(/not valid/);
  });

  it('moves the instance with its uuid and keeps each address answer, where no page can write', () => {
    const store = open();
    store.setInstanceOrigin(FIRST, 'http://192.168.1.10:8123');
    store.rememberInstanceUuid(FIRST, 'abc123');
    store.recordAddressConsent({
      uuid: 'abc123',
      origin: 'http://192.168.1.23:8123',
      allowed: false,
    });
    store.recordAddressConsent({
      uuid: 'abc123',
      origin: 'http://192.168.1.23:8123',
      allowed: true,
    });
    store.moveInstance(FIRST, 'http://192.168.1.23:8123');
    expect(onDisk().instances[0]).toMatchObject({
      origin: 'http://192.168.1.23:8123',
      uuid: 'abc123',
    });
    expect(onDisk().trust.addressConsents).toEqual([
      { uuid: 'abc123', origin: 'http://192.168.1.23:8123', allowed: true },
    ]);
    const consents = [{ uuid: 'abc123', origin: 'http://203.0.113.5:8123', allowed: true }];
    expect(() =>
      store.update({ trust: { plainHttp: [], certificates: [], addressConsents: consents } }),
    ).toThrow(/not valid/);
    expect(() =>
      store.updateInstance(FIRST, { origin: 'http://203.0.113.5:8123', uuid: 'abc123' }),
    ).toThrow(/not valid/);
    expect(onDisk().instances[0].origin).toBe('http://192.168.1.23:8123');
  });

  it('adds instances with new keys, renames them, and removes one with what was only its own', () => {
    const store = open();
    const cabin = store.addInstance();
    expect(cabin).toEqual({ ...firstEntry(), key: cabin.key });
    expect(cabin.key).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(store.addInstance().key).not.toBe(cabin.key);
    store.updateInstance(cabin.key, { name: '  Cabin ' });
    store.update({
      ui: { ...DEFAULT_SETTINGS.ui, traySensor: { instance: cabin.key, entityId: 'sensor.t' } },
    });
    expect(
      open()
        .get()
        .instances.map((entry) => entry.name),
    ).toEqual([null, 'Cabin', null]);
    store.removeInstance(cabin.key);
    expect(onDisk().instances.map((entry: { key: string }) => entry.key)).not.toContain(cabin.key);
    expect(onDisk().ui.traySensor).toBeNull();
    expect(() => store.removeInstance(cabin.key)).toThrow(/not set up in HA Tray any more/);
  });

  it('never runs out of instances: removing the last leaves a new one to set up, as a first run', () => {
    const store = open();
    store.setInstanceOrigin(FIRST, 'http://192.168.1.10:8123');
    store.removeInstance(FIRST);
    const [only, ...rest] = store.get().instances;
    expect(rest).toEqual([]);
    expect(only).toEqual({ ...firstEntry(), key: only!.key });
    expect(only!.key).not.toBe(FIRST);
  });

  it('follows at most ten Home Assistants, and says so', () => {
    const store = open();
    for (let i = 1; i < 10; i++) store.addInstance();
    expect(() => store.addInstance()).toThrow(/at most 10 Home Assistants/);
    expect(store.get().instances).toHaveLength(10);
  });
});
