import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SETTINGS_FORMAT } from '../../../src/main/settings/migrations';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { upgradeDocument } from '../../../src/main/storage/document-format';
import {
  DEFAULT_SETTINGS,
  FIRST_INSTANCE_KEY,
  SETTINGS_VERSION,
} from '../../../src/shared/settings';
import { recordingLogger } from '../../support/test-logger';

let dir: string;
const file = () => join(dir, 'settings.json');
const open = () => SettingsStore.open({ cwd: dir, logger: recordingLogger() });
const migration = (version: number) => MIGRATIONS.find((m) => m.version === version)!;
const firstEntry = (fields: Record<string, unknown>) => ({
  ...DEFAULT_SETTINGS.instances[0]!,
  ...fields,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings version 2: the saved Home Assistant is "instance", no longer "connection"', () => {
  it('moves the origin and drops the old key', () => {
    expect(
      migration(2).up({
        connection: { origin: 'https://ha.example:8123' },
        favourites: [{ entityId: 'light.kitchen' }],
      }),
    ).toEqual({
      instance: { origin: 'https://ha.example:8123' },
      favourites: [{ entityId: 'light.kitchen' }],
    });
  });

  it('keeps "no instance saved yet" as it was', () => {
    expect(migration(2).up({ connection: null })).toEqual({ instance: null });
    expect(migration(2).up({})).toEqual({});
  });
});

describe('settings version 3: the one Home Assistant becomes the first of a list', () => {
  const v2 = {
    schemaVersion: 2,
    instance: { origin: 'https://ha.example:8123', uuid: 'abc123' },
    favourites: [{ entityId: 'light.kitchen', label: 'Kitchen' }],
    tokenReminder: { intervalDays: 30, snoozedUntil: null, lastNotifiedAt: null },
    notifications: {
      rules: [
        {
          id: 'door',
          kind: 'becomes',
          entityId: 'binary_sensor.door',
          states: ['on'],
          enabled: true,
          cooldownSeconds: 0,
        },
      ],
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
      connectionAlerts: { enabled: false, lostAfterSeconds: 60 },
      pausedUntil: null,
    },
    ui: { globalShortcut: 'Alt+H', startAtLogin: true, traySensor: 'sensor.outside' },
  };

  it('moves the address, favourites, rules, reminder and tray sensor to the first instance', () => {
    expect(upgradeDocument(v2, SETTINGS_FORMAT)).toEqual({
      kind: 'ok',
      migratedFrom: 2,
      raw: {
        schemaVersion: 3,
        instances: [
          {
            key: FIRST_INSTANCE_KEY,
            origin: 'https://ha.example:8123',
            uuid: 'abc123',
            favourites: v2.favourites,
            rules: v2.notifications.rules,
            tokenReminder: v2.tokenReminder,
          },
        ],
        notifications: {
          quietHours: v2.notifications.quietHours,
          connectionAlerts: v2.notifications.connectionAlerts,
          pausedUntil: null,
        },
        ui: {
          globalShortcut: 'Alt+H',
          startAtLogin: true,
          traySensor: { instance: FIRST_INSTANCE_KEY, entityId: 'sensor.outside' },
        },
      },
    });
  });

  it('a first run that was never set up becomes one instance that is not set up', () => {
    expect(
      upgradeDocument(
        { schemaVersion: 2, instance: null, ui: { traySensor: null } },
        SETTINGS_FORMAT,
      ),
    ).toEqual({
      kind: 'ok',
      migratedFrom: 2,
      raw: {
        schemaVersion: 3,
        instances: [{ key: FIRST_INSTANCE_KEY }],
        ui: { traySensor: null },
      },
    });
  });

  it('a version 1 file goes through both steps, is written back as version 3, and the old one is kept', () => {
    const v1 = {
      schemaVersion: 1,
      connection: { origin: 'https://ha.example:8123' },
      favourites: [{ entityId: 'light.kitchen' }],
    };
    writeFileSync(file(), JSON.stringify(v1));
    const store = open();
    expect(SETTINGS_VERSION).toBe(3);
    expect(store.notice()).toBeNull();
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      instances: [
        firstEntry({
          origin: 'https://ha.example:8123',
          favourites: [{ entityId: 'light.kitchen' }],
        }),
      ],
    });
    const onDisk = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual(store.get());
    expect(onDisk).not.toHaveProperty('connection');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json.version-1'), 'utf8'))).toEqual(v1);
  });

  it('a wrong value stays wrong for the salvage, which keeps the rest of the instance', () => {
    writeFileSync(
      file(),
      JSON.stringify({ ...v2, favourites: [{ entityId: 'Not An Id' }, { entityId: 'light.a' }] }),
    );
    const store = open();
    expect(store.get().instances).toEqual([
      firstEntry({
        origin: 'https://ha.example:8123',
        uuid: 'abc123',
        favourites: [{ entityId: 'light.a' }],
        rules: v2.notifications.rules,
        tokenReminder: v2.tokenReminder,
      }),
    ]);
    expect(store.recovery?.reset).toEqual(['instances[0].favourites[0]']);
  });
});
