import { SETTINGS_VERSION } from '../../shared/settings';
import type { DocumentFormat, Migration } from '../storage/document-format';

/**
 * Every shape change of the settings file, oldest first: version 2 upgrades a version 1 file,
 * and so on. Add one (and bump SETTINGS_VERSION) when a value is renamed, moved or changes
 * meaning; a new section or a new field with a default needs none. A migration only moves data:
 * the schema checks the result, and anything still wrong falls back to its default.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    description: 'the saved Home Assistant moves from "connection" to "instance"',
    // "connection" now names only the live link to Home Assistant (src/main/ha/).
    up: ({ connection, ...rest }) =>
      connection === undefined ? rest : { ...rest, instance: connection },
  },
];

/** The version of a file that does not say (written by hand): the first one. */
export const FIRST_VERSION = 1;

/** The settings file (src/main/settings/settings-store.ts), as the storage layer versions it. */
export const SETTINGS_FORMAT: DocumentFormat = {
  label: 'settings',
  versionKey: 'schemaVersion',
  version: SETTINGS_VERSION,
  unversioned: FIRST_VERSION,
  migrations: MIGRATIONS,
};
