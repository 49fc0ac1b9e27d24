import { SETTINGS_VERSION } from '../../shared/settings';

type Raw = Record<string, unknown>;

/**
 * Migrations from each older schema version to the next, keyed by the version they upgrade
 * from. Version 0 is a file without `schemaVersion` (written by hand or by a pre-release build).
 * Add an entry here, and bump SETTINGS_VERSION, whenever the schema changes shape.
 */
export const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => {
    // Pre-release builds kept favourites as a plain list of entity ids.
    if (!Array.isArray(raw.favourites)) return { ...raw, schemaVersion: 1 };
    const favourites = raw.favourites.map((f) => (typeof f === 'string' ? { entityId: f } : f));
    return { ...raw, favourites, schemaVersion: 1 };
  },
};

export type MigrationResult =
  { ok: true; raw: Raw; migratedFrom: number | null } | { ok: false; reason: string };

export function migrate(
  raw: Raw,
  migrations = MIGRATIONS,
  target = SETTINGS_VERSION,
): MigrationResult {
  const from = raw.schemaVersion === undefined ? 0 : raw.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0)
    return { ok: false, reason: 'its schema version is not a number' };
  if (from > target)
    return { ok: false, reason: `it was written by a newer HA Tray (schema ${from})` };
  let current = raw;
  for (let version = from; version < target; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, reason: `no migration from schema ${version}` };
    current = step(current);
  }
  return { ok: true, raw: current, migratedFrom: from === target ? null : from };
}
