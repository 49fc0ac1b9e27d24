import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrate } from '../../../src/main/settings/migrations';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { recordingLogger } from '../../support/test-logger';

let dir: string;
const file = () => join(dir, 'settings.json');
const open = () =>
  SettingsStore.open({
    cwd: dir,
    logger: recordingLogger(),
    now: () => new Date('2026-11-23T10:00:00Z'),
  });
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8'));
const backups = () => readdirSync(dir).filter((f) => f.includes('.corrupt-'));

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
    expect(onDisk()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps changes across restarts and tells listeners', () => {
    const store = open();
    const listener = vi.fn();
    store.onChange(listener);
    store.update({
      favourites: [{ entityId: 'light.kitchen', label: 'Kitchen' }],
      tokenReminder: { intervalDays: 30, snoozedUntil: null },
    });
    store.setConnection('http://homeassistant.local:8123');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(open().get()).toMatchObject({
      connection: { origin: 'http://homeassistant.local:8123' },
      favourites: [{ entityId: 'light.kitchen', label: 'Kitchen' }],
      tokenReminder: { intervalDays: 30 },
    });
  });

  it('refuses invalid changes with a clear error and keeps what it had', () => {
    const store = open();
    for (const patch of [
      { favourites: [{ entityId: 'not an id' }] },
      { favourites: [{ entityId: 'light.a' }, { entityId: 'light.a' }] },
      { tokenReminder: { intervalDays: 45, snoozedUntil: null } },
      { connection: { origin: 'http://evil' } },
      { token: 'eyJ...' },
      'garbage',
      null,
    ]) {
      expect(() => store.update(patch)).toThrow(/not valid/);
    }
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('a file that is not JSON: backed up, defaults loaded, the user is told', () => {
    writeFileSync(file(), '{ "favourites": [');
    const store = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.recovery).toMatchObject({ reason: 'The settings file was damaged.' });
    expect(readFileSync(store.recovery!.backupPath, 'utf8')).toBe('{ "favourites": [');
    expect(onDisk()).toEqual(DEFAULT_SETTINGS);
  });

  it('a hand-edited file: keeps the valid sections, resets the invalid ones, backs up the original', () => {
    const edited = {
      ...DEFAULT_SETTINGS,
      favourites: [{ entityId: 'switch.tv' }],
      tokenReminder: { intervalDays: 'often', snoozedUntil: null },
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl',
    };
    writeFileSync(file(), JSON.stringify(edited));
    const store = open();
    expect(store.get().favourites).toEqual([{ entityId: 'switch.tv' }]);
    expect(store.get().tokenReminder).toEqual(DEFAULT_SETTINGS.tokenReminder);
    expect(store.recovery).toMatchObject({ resetSections: ['tokenReminder'] });
    expect(backups()).toHaveLength(1);
    // Unknown keys, such as a token pasted in by hand, are not carried over.
    expect(readFileSync(file(), 'utf8')).not.toContain('eyJhbGci');
  });

  it('a file from a newer HA Tray: backed up and defaults loaded', () => {
    writeFileSync(file(), JSON.stringify({ ...DEFAULT_SETTINGS, schemaVersion: 99 }));
    const store = open();
    expect(store.recovery?.reason).toMatch(/newer HA Tray/);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates a pre-release file without a schema version', () => {
    writeFileSync(file(), JSON.stringify({ favourites: ['light.kitchen', 'lock.front_door'] }));
    const store = open();
    expect(store.recovery).toBeNull();
    expect(store.get().favourites).toEqual([
      { entityId: 'light.kitchen' },
      { entityId: 'lock.front_door' },
    ]);
    expect(onDisk().schemaVersion).toBe(1);
    expect(backups()).toHaveLength(0);
  });

  it('never writes a token into the settings file', () => {
    const store = open();
    store.update({ ui: { globalShortcut: 'Alt+H', startAtLogin: true } });
    expect(existsSync(file())).toBe(true);
    expect(readFileSync(file(), 'utf8')).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});

describe('migrate', () => {
  it('runs every step from the file version to the current one', () => {
    const steps = {
      0: (r: Record<string, unknown>) => ({ ...r, a: 1, schemaVersion: 1 }),
      1: (r: Record<string, unknown>) => ({ ...r, b: 2, schemaVersion: 2 }),
    };
    expect(migrate({}, steps, 2)).toEqual({
      ok: true,
      raw: { a: 1, b: 2, schemaVersion: 2 },
      migratedFrom: 0,
    });
    expect(migrate({ schemaVersion: 2 }, steps, 2)).toEqual({
      ok: true,
      raw: { schemaVersion: 2 },
      migratedFrom: null,
    });
    expect(migrate({ schemaVersion: 'x' }, steps, 2)).toMatchObject({ ok: false });
    expect(migrate({ schemaVersion: 1 }, { 0: steps[0] }, 2)).toMatchObject({
      ok: false,
      reason: 'no migration from schema 1',
    });
  });
});
