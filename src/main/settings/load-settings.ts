import { DEFAULT_SETTINGS, type Settings, type SettingsSection } from '../../shared/settings';
import { readDocument, type DocumentFormat } from '../storage/document-format';
import { SETTINGS_FORMAT } from './migrations';
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
  /** The version of a file a newer HA Tray wrote, which must stay as it is; null otherwise. */
  newerVersion: number | null;
}

/** The current version and its migrations; tests pass their own. */
export type SettingsShape = Pick<DocumentFormat, 'version' | 'migrations'>;

const SECTION_WORDS: Record<SettingsSection, string> = {
  instances: 'the Home Assistants, their favourites, rules and token reminders',
  storage: 'token storage',
  trust: 'trusted certificates and plain-http addresses',
  notifications: 'quiet hours and connection alerts',
  ui: 'the shortcut, start at login and the tray sensor',
  diagnostics: 'the debug log switch',
};

/**
 * Makes settings of whatever the settings file holds (`null`: there is no file). Never throws. A
 * file from a newer HA Tray gives the defaults, and `newerVersion` says the file must be kept.
 */
export function loadSettings(text: string | null, shape: SettingsShape): LoadedSettings {
  const defaults: Settings = { ...DEFAULT_SETTINGS, schemaVersion: shape.version };
  const fresh = { settings: defaults, problem: null, migratedFrom: null, newerVersion: null };
  const read = readDocument(text, { ...SETTINGS_FORMAT, ...shape });
  switch (read.kind) {
    case 'missing':
      return fresh;
    case 'newer':
      return { ...fresh, newerVersion: read.version };
    case 'damaged': {
      const reason = read.notJson
        ? 'The settings file was damaged (it is not valid JSON).'
        : `The settings file could not be used: ${read.reason}.`;
      return {
        ...fresh,
        problem: {
          reason: `${reason} Default settings were loaded.`,
          reset: ['*'],
          notJson: read.notJson,
        },
      };
    }
    case 'ok': {
      const { settings, reset } = salvageSettings(read.raw);
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
        migratedFrom: read.migratedFrom,
        newerVersion: null,
      };
    }
  }
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
