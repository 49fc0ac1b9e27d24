import { DEFAULT_SETTINGS, type Settings, type SettingsSection } from '../../shared/settings';
import { migrate, type SettingsMigration } from './migrations';
import { salvageSettings, UNKNOWN_ENTRY } from './salvage';

export interface SettingsFileProblem {
  /** For the user: what was wrong and what HA Tray did about it. */
  reason: string;
  /** Where ("ui.globalShortcut", "favourites[2]"), or ["*"] when nothing could be used. */
  reset: string[];
  /** The file is not JSON at all (electron-store refuses to open it). */
  notJson: boolean;
}

export interface LoadedSettings {
  settings: Settings;
  problem: SettingsFileProblem | null;
  /** The version the file was upgraded from, or null when it needed no upgrade. */
  migratedFrom: number | null;
}

export interface SettingsShape {
  version: number;
  migrations: readonly SettingsMigration[];
}

const SECTION_WORDS: Record<SettingsSection, string> = {
  connection: 'the Home Assistant address',
  favourites: 'favourites',
  tokenReminder: 'the token reminder',
  storage: 'token storage',
  trust: 'trusted certificates and plain-http addresses',
  notifications: 'notification rules and quiet hours',
  ui: 'the shortcut and start at login',
  diagnostics: 'the debug log switch',
};

/** Makes settings of whatever the settings file holds (`null`: there is no file). Never throws. */
export function loadSettings(text: string | null, shape: SettingsShape): LoadedSettings {
  const defaults: Settings = { ...DEFAULT_SETTINGS, schemaVersion: shape.version };
  const unusable = (reason: string, notJson = false): LoadedSettings => ({
    settings: defaults,
    problem: { reason: `${reason} Default settings were loaded.`, reset: ['*'], notJson },
    migratedFrom: null,
  });
  if (text === null) return { settings: defaults, problem: null, migratedFrom: null };

  let parsed: unknown;
  try {
    // Editors may save a byte order mark, which is not part of the JSON.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return unusable('The settings file was damaged (it is not valid JSON).', true);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return unusable('The settings file did not contain settings.');
  const migrated = migrate(parsed as Record<string, unknown>, shape.migrations, shape.version);
  if (!migrated.ok) return unusable(`The settings file could not be used: ${migrated.reason}.`);

  const { settings, reset } = salvageSettings(migrated.raw);
  return {
    settings: { ...settings, schemaVersion: shape.version },
    problem:
      reset.length === 0
        ? null
        : {
            reason: `Some settings in the file were not valid and were reset: ${describe(reset)}.`,
            reset,
            notJson: false,
          },
    migratedFrom: migrated.migratedFrom,
  };
}

function describe(reset: string[]): string {
  const words = reset.map((path) => {
    const section = /^[A-Za-z]+/.exec(path)?.[0] as SettingsSection | undefined;
    return path === UNKNOWN_ENTRY || !section
      ? 'entries HA Tray does not know (removed)'
      : SECTION_WORDS[section];
  });
  return [...new Set(words)].join(', ');
}
