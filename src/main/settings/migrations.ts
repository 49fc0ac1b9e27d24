import { SETTINGS_VERSION } from '../../shared/settings';

export type RawSettings = Record<string, unknown>;

/** Upgrades a settings file from `version - 1` to `version`. */
export interface SettingsMigration {
  version: number;
  /** For the log: what changed in the file's shape. */
  description: string;
  up(raw: RawSettings): RawSettings;
}

/**
 * Every shape change of the settings file, oldest first: version 2 upgrades a version 1 file,
 * and so on. Add one (and bump SETTINGS_VERSION) when a value is renamed, moved or changes
 * meaning; a new section or a new field with a default needs none. A migration only moves data:
 * the schema checks the result, and anything still wrong falls back to its default.
 */
export const MIGRATIONS: readonly SettingsMigration[] = [];

/** The version of a file that does not say (written by hand): the first one. */
export const FIRST_VERSION = 1;

export type MigrationResult =
  { ok: true; raw: RawSettings; migratedFrom: number | null } | { ok: false; reason: string };

/** Runs the migrations from the file's version up to `target`. Never throws. */
export function migrate(
  raw: RawSettings,
  migrations: readonly SettingsMigration[] = MIGRATIONS,
  target: number = SETTINGS_VERSION,
): MigrationResult {
  const from = raw.schemaVersion ?? FIRST_VERSION;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < FIRST_VERSION)
    return { ok: false, reason: 'its version is not valid' };
  if (from > target)
    return { ok: false, reason: `it was written by a newer HA Tray (settings version ${from})` };
  let current: RawSettings = raw;
  for (let version = from + 1; version <= target; version++) {
    const step = migrations.find((m) => m.version === version);
    if (!step) return { ok: false, reason: `there is no migration to settings version ${version}` };
    try {
      current = { ...step.up(current), schemaVersion: version };
    } catch {
      return { ok: false, reason: `its upgrade to settings version ${version} failed` };
    }
  }
  return { ok: true, raw: current, migratedFrom: from === target ? null : from };
}
