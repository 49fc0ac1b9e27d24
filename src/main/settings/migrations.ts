import { FIRST_INSTANCE_KEY, SETTINGS_VERSION } from '../../shared/settings';
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
  {
    version: 3,
    description:
      'the one Home Assistant becomes the first of a list, with its favourites and rules',
    up: upToSeveralInstances,
  },
];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Everything that belonged to the one Home Assistant moves into the first entry of `instances`,
 * under a fixed key: the files move into that key's folder (src/main/storage/instance-folders.ts)
 * before this is written, so a crash in between finds the same key on the next start. A value
 * that was wrong stays wrong, for the schema to salvage.
 */
function upToSeveralInstances(raw: Record<string, unknown>): Record<string, unknown> {
  const { instance, favourites, tokenReminder, notifications, ui, ...rest } = raw;
  const saved = record(instance);
  const { rules, ...notificationSettings } = record(notifications);
  const { traySensor, ...uiRest } = record(ui);
  const first: Record<string, unknown> = { key: FIRST_INSTANCE_KEY };
  if (instance !== null && instance !== undefined) Object.assign(first, saved);
  if (favourites !== undefined) first.favourites = favourites;
  if (rules !== undefined) first.rules = rules;
  if (tokenReminder !== undefined) first.tokenReminder = tokenReminder;
  return {
    ...rest,
    instances: [first],
    ...(notifications === undefined ? {} : { notifications: notificationSettings }),
    ...(ui === undefined
      ? {}
      : {
          ui: {
            ...uiRest,
            traySensor:
              typeof traySensor === 'string'
                ? { instance: FIRST_INSTANCE_KEY, entityId: traySensor }
                : traySensor,
          },
        }),
  };
}

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
