import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_FORMAT } from '../../../src/main/settings/migrations';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { upgradeDocument } from '../../../src/main/storage/document-format';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../src/shared/settings';
import { recordingLogger } from '../../support/test-logger';

let dir: string;
const file = () => join(dir, 'settings.json');
const open = () => SettingsStore.open({ cwd: dir, logger: recordingLogger() });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings version 2: the saved Home Assistant is "instance", no longer "connection"', () => {
  const v1 = {
    schemaVersion: 1,
    connection: { origin: 'https://ha.example:8123' },
    favourites: [{ entityId: 'light.kitchen' }],
  };

  it('moves the origin and drops the old key', () => {
    expect(upgradeDocument(v1, SETTINGS_FORMAT)).toEqual({
      kind: 'ok',
      migratedFrom: 1,
      raw: {
        schemaVersion: 2,
        instance: { origin: 'https://ha.example:8123' },
        favourites: [{ entityId: 'light.kitchen' }],
      },
    });
  });

  it('keeps "no instance saved yet" as it was', () => {
    expect(upgradeDocument({ schemaVersion: 1, connection: null }, SETTINGS_FORMAT)).toEqual({
      kind: 'ok',
      migratedFrom: 1,
      raw: { schemaVersion: 2, instance: null },
    });
    expect(upgradeDocument({ schemaVersion: 1 }, SETTINGS_FORMAT)).toEqual({
      kind: 'ok',
      migratedFrom: 1,
      raw: { schemaVersion: 2 },
    });
  });

  it('a version 1 file opens with its instance, is written back as version 2, and the old one is kept', () => {
    writeFileSync(file(), JSON.stringify(v1));
    const store = open();
    expect(SETTINGS_VERSION).toBe(2);
    expect(store.notice()).toBeNull();
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      instance: { origin: 'https://ha.example:8123' },
      favourites: [{ entityId: 'light.kitchen' }],
    });
    const onDisk = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual(store.get());
    expect(onDisk).not.toHaveProperty('connection');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json.version-1'), 'utf8'))).toEqual(v1);
  });
});
