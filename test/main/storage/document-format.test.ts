import { describe, expect, it } from 'vitest';
import {
  NewerFileError,
  readDocument,
  upgradeDocument,
  type DocumentFormat,
  type Migration,
} from '../../../src/main/storage/document-format';
import { FIRST_VERSION, MIGRATIONS, SETTINGS_FORMAT } from '../../../src/main/settings/migrations';
import { JOURNAL_FORMAT } from '../../../src/main/token-lifecycle/rotation-journal';
import { REMINDER_MEMORY_FORMAT } from '../../../src/main/token-lifecycle/reminder-memory-store';
import { VAULT_FORMAT } from '../../../src/main/vault/vault-file';
import { SETTINGS_VERSION } from '../../../src/shared/settings';

/** What the notification rules issue will add: a new section, and a value that moves. */
const steps: Migration[] = [
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
const format: DocumentFormat = {
  label: 'settings',
  versionKey: 'schemaVersion',
  version: 3,
  unversioned: 1,
  migrations: steps,
};

describe('upgradeDocument', () => {
  it('runs every step from the file version to the current one, in order', () => {
    expect(upgradeDocument({ schemaVersion: 1, ui: { startAtLogin: true } }, format)).toEqual({
      kind: 'ok',
      raw: {
        schemaVersion: 3,
        ui: {},
        notifications: { rules: [] },
        system: { startAtLogin: true },
      },
      migratedFrom: 1,
    });
    expect(
      upgradeDocument({ schemaVersion: 2, ui: { startAtLogin: false } }, format),
    ).toMatchObject({ kind: 'ok', raw: { system: { startAtLogin: false } }, migratedFrom: 2 });
  });

  it('leaves a current file alone', () => {
    expect(upgradeDocument({ schemaVersion: 3, a: 1 }, format)).toEqual({
      kind: 'ok',
      raw: { schemaVersion: 3, a: 1 },
      migratedFrom: null,
    });
  });

  it('takes a file without a version for the format’s unversioned one, or for damaged without one', () => {
    expect(upgradeDocument({ ui: { startAtLogin: true } }, format)).toMatchObject({
      kind: 'ok',
      migratedFrom: 1,
    });
    expect(upgradeDocument({ current: null }, { ...format, unversioned: null })).toEqual({
      kind: 'damaged',
      reason: 'its version is not valid',
      notJson: false,
    });
  });

  it('says when a newer HA Tray wrote the file, and runs no step', () => {
    expect(upgradeDocument({ schemaVersion: 4 }, format)).toEqual({ kind: 'newer', version: 4 });
    const error = new NewerFileError('/x/settings.json', format, 4);
    expect(error.message).toBe(
      'The settings file was saved by a newer version of HA Tray (settings version 4; this one ' +
        'knows up to 3). HA Tray leaves it untouched and does not save changes to it; update HA ' +
        'Tray to use it again.',
    );
  });

  it('refuses what it cannot upgrade, with a reason, and never throws', () => {
    const damaged = (reason: string) => ({ kind: 'damaged', reason, notJson: false });
    expect(upgradeDocument({ schemaVersion: 'x' }, format)).toEqual(
      damaged('its version is not valid'),
    );
    expect(upgradeDocument({ schemaVersion: 0 }, format)).toMatchObject({ kind: 'damaged' });
    expect(upgradeDocument({ schemaVersion: 1.5 }, format)).toMatchObject({ kind: 'damaged' });
    expect(upgradeDocument({ schemaVersion: 1 }, { ...format, migrations: [steps[1]!] })).toEqual(
      damaged('there is no migration to settings version 2'),
    );
    // Version 3 expects `ui` to be an object; a hand-edited file may not have one.
    expect(upgradeDocument({ schemaVersion: 2, ui: null }, format)).toEqual(
      damaged('its upgrade to settings version 3 failed'),
    );
  });
});

describe('readDocument', () => {
  it('tells a missing file, text that is not JSON and JSON that is not a document apart', () => {
    expect(readDocument(null, format)).toEqual({ kind: 'missing' });
    expect(readDocument('{"schemaVersion": 3', format)).toMatchObject({
      kind: 'damaged',
      notJson: true,
    });
    for (const text of ['[]', 'null', '7'])
      expect(readDocument(text, format)).toEqual({
        kind: 'damaged',
        reason: 'it does not hold settings',
        notJson: false,
      });
    expect(readDocument('\uFEFF{"schemaVersion": 3}', format)).toMatchObject({ kind: 'ok' });
  });
});

describe('the app’s formats', () => {
  it.each([
    ['settings', SETTINGS_FORMAT],
    ['vault', VAULT_FORMAT],
    ['journal', JOURNAL_FORMAT],
    ['reminder memory', REMINDER_MEMORY_FORMAT],
  ])('%s: its migrations lead, one version at a time, to its current version', (_, f) => {
    const first = f.unversioned ?? 1;
    f.migrations.forEach((m, i) => expect(m.version).toBe(first + i + 1));
    expect(first + f.migrations.length).toBe(f.version);
  });

  it('settings: a file without a version is the first version, and the current one is the schema’s', () => {
    expect(FIRST_VERSION).toBe(1);
    expect(SETTINGS_FORMAT.migrations).toBe(MIGRATIONS);
    expect(SETTINGS_FORMAT.version).toBe(SETTINGS_VERSION);
  });
});
