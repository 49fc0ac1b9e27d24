import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSections,
  type Settings,
  type SettingsPatch,
  type SettingsSection,
} from '../../shared/settings';
import { UserFacingError } from '../../shared/user-facing-error';
import type { Logger } from '../log/logger';
import { migrate } from './migrations';

/** What was wrong with the settings file, for the "your settings were reset" notice. */
export interface SettingsRecovery {
  reason: string;
  backupPath: string;
  resetSections: SettingsSection[];
}

export interface SettingsStoreOptions {
  /** The user-data folder. */
  cwd: string;
  logger: Logger;
  now?: () => Date;
}

const FILE_NAME = 'settings';

/**
 * The app's settings on electron-store, checked against a typed schema with defaults and small
 * migrations. A corrupt or hand-edited file never stops the app: it is backed up, what is valid
 * is kept, the rest falls back to defaults, and `recovery` tells the user. The token never lives
 * here (only known sections are ever written).
 */
export class SettingsStore {
  private readonly listeners = new Set<(settings: Settings) => void>();

  private constructor(
    private readonly store: ElectronStore<Settings>,
    private settings: Settings,
    readonly recovery: SettingsRecovery | null,
  ) {}

  static open({ cwd, logger, now = () => new Date() }: SettingsStoreOptions): SettingsStore {
    const path = join(cwd, `${FILE_NAME}.json`);
    const backupPath = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    const create = () =>
      new ElectronStore<Settings>({ cwd, name: FILE_NAME, clearInvalidConfig: false });

    let store: ElectronStore<Settings>;
    try {
      store = create();
    } catch (error) {
      // Not JSON at all: conf throws a SyntaxError. Move the file aside and start from defaults.
      logger.warn(
        'The settings file is not valid JSON; it was backed up and defaults were loaded',
        error,
      );
      if (existsSync(path)) renameSync(path, backupPath);
      store = create();
      store.store = DEFAULT_SETTINGS;
      const all = Object.keys(settingsSections) as SettingsSection[];
      return new SettingsStore(store, DEFAULT_SETTINGS, {
        reason: 'The settings file was damaged.',
        backupPath,
        resetSections: all,
      });
    }

    const raw = { ...(store.store as unknown as Record<string, unknown>) };
    if (Object.keys(raw).length === 0) {
      store.store = DEFAULT_SETTINGS;
      return new SettingsStore(store, DEFAULT_SETTINGS, null);
    }
    const migrated = migrate(raw);
    const source = migrated.ok ? migrated.raw : {};
    const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
    const resetSections: SettingsSection[] = [];
    for (const [name, schema] of Object.entries(settingsSections) as [
      SettingsSection,
      (typeof settingsSections)[SettingsSection],
    ][]) {
      if (!(name in source)) continue;
      const parsed = schema.safeParse(source[name]);
      if (parsed.success) settings[name] = parsed.data;
      else resetSections.push(name);
    }
    const unknownKeys = Object.keys(source).filter(
      (key) => key !== 'schemaVersion' && !(key in settingsSections),
    );
    const result = settings as Settings;

    let recovery: SettingsRecovery | null = null;
    if (!migrated.ok || resetSections.length > 0 || unknownKeys.length > 0) {
      copyFileSync(path, backupPath);
      const reason = !migrated.ok
        ? `The settings file could not be used: ${migrated.reason}.`
        : resetSections.length > 0
          ? `Some settings were not valid and were reset: ${resetSections.join(', ')}.`
          : 'Unknown entries were removed from the settings file.';
      logger.warn(`Settings recovered: ${reason}`, { backupPath });
      recovery = {
        reason,
        backupPath,
        resetSections: migrated.ok
          ? resetSections
          : (Object.keys(settingsSections) as SettingsSection[]),
      };
    }
    if (recovery || (migrated.ok && migrated.migratedFrom !== null)) store.store = result;
    return new SettingsStore(store, result, recovery);
  }

  get(): Settings {
    return this.settings;
  }

  /** Applies a change from the settings window; invalid input is refused with a clear message. */
  update(patch: unknown): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserFacingError(
        `That setting is not valid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
        'invalid_settings',
      );
    }
    return this.write({ ...this.settings, ...(parsed.data as SettingsPatch) });
  }

  setConnection(origin: string | null): Settings {
    return this.write({ ...this.settings, connection: origin === null ? null : { origin } });
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get path(): string {
    return this.store.path;
  }

  private write(next: Settings): Settings {
    this.store.store = next;
    this.settings = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }
}
