import { describe, expect, it } from 'vitest';
import {
  FIRST_VERSION,
  MIGRATIONS,
  migrate,
  type SettingsMigration,
} from '../../../src/main/settings/migrations';
import { SETTINGS_VERSION } from '../../../src/shared/settings';

/** What the notification rules issue will add: a new section, and a value that moves. */
const steps: SettingsMigration[] = [
  {
    version: 2,
    description: 'notifications: an empty rule list',
    up: (raw) => ({ ...raw, notifications: { rules: [] } }),
  },
  {
    version: 3,
    description: 'ui.startAtLogin moves to system.startAtLogin',
    up: ({ ui, ...raw }) => {
      const { startAtLogin, ...rest } = ui as Record<string, unknown>;
      return { ...raw, ui: rest, system: { startAtLogin } };
    },
  },
];

describe('migrate', () => {
  it('runs every step from the file version to the current one, in order', () => {
    expect(migrate({ schemaVersion: 1, ui: { startAtLogin: true } }, steps, 3)).toEqual({
      ok: true,
      raw: {
        schemaVersion: 3,
        ui: {},
        notifications: { rules: [] },
        system: { startAtLogin: true },
      },
      migratedFrom: 1,
    });
    expect(migrate({ schemaVersion: 2, ui: { startAtLogin: false } }, steps, 3)).toMatchObject({
      ok: true,
      raw: { system: { startAtLogin: false } },
      migratedFrom: 2,
    });
  });

  it('leaves a current file alone', () => {
    expect(migrate({ schemaVersion: 3, a: 1 }, steps, 3)).toEqual({
      ok: true,
      raw: { schemaVersion: 3, a: 1 },
      migratedFrom: null,
    });
  });

  it('takes a file without a version (written by hand) for the first version', () => {
    expect(FIRST_VERSION).toBe(1);
    expect(migrate({ ui: { startAtLogin: true } }, steps, 3)).toMatchObject({
      ok: true,
      migratedFrom: 1,
    });
  });

  it('refuses what it cannot upgrade, with a reason, and never throws', () => {
    expect(migrate({ schemaVersion: 'x' }, steps, 3)).toEqual({
      ok: false,
      reason: 'its version is not valid',
    });
    expect(migrate({ schemaVersion: 0 }, steps, 3)).toMatchObject({ ok: false });
    expect(migrate({ schemaVersion: 4 }, steps, 3)).toEqual({
      ok: false,
      reason: 'it was written by a newer HA Tray (settings version 4)',
    });
    expect(migrate({ schemaVersion: 1 }, [steps[1]!], 3)).toEqual({
      ok: false,
      reason: 'there is no migration to settings version 2',
    });
    // Version 3 expects `ui` to be an object; a hand-edited file may not have one.
    expect(migrate({ schemaVersion: 2, ui: null }, steps, 3)).toEqual({
      ok: false,
      reason: 'its upgrade to settings version 3 failed',
    });
  });

  it('the app’s own migrations lead, one version at a time, to the current version', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(FIRST_VERSION + i + 1));
    expect(FIRST_VERSION + MIGRATIONS.length).toBe(SETTINGS_VERSION);
  });
});
