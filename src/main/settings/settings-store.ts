import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ElectronStore from 'electron-store';
import { Emitter } from '../../shared/emitter';
import {
  instanceEntry,
  instanceEntrySchema,
  instancePatchSchema,
  MAX_INSTANCES,
  newInstanceEntry,
  SETTINGS_VERSION,
  settingsPatchSchema,
  settingsSchema,
  type InstanceEntry,
  type Settings,
} from '../../shared/settings';
import { UserFacingError } from '../../shared/user-facing-error';
import type { Logger } from '../log/logger';
import { newerFileSentence } from '../storage/document-format';
import { APP_FILES } from '../storage/layout';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from '../storage/private-folder';
import { loadSettings, type SettingsShape } from './load-settings';
import { MIGRATIONS, SETTINGS_FORMAT } from './migrations';

export type AddressConsent = NonNullable<Settings['trust']['addressConsents']>[number];

/** What was wrong with the settings file, for the "your settings were reset" notice. */
export interface SettingsRecovery {
  reason: string;
  /** The file as it was, kept next to the new one. */
  backupPath: string;
  reset: string[];
}

export interface SettingsStoreOptions {
  /** The user-data folder. */
  cwd: string;
  logger: Logger;
  now?: () => Date;
  /** The current shape and its migrations; tests pass their own. */
  shape?: SettingsShape;
}

/** A copy of the settings file, as private as the file. */
function backUp(path: string, copyPath: string): void {
  copyFileSync(path, copyPath);
  chmodSync(copyPath, PRIVATE_FILE_MODE);
}
const timestamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/**
 * The app's settings on electron-store (atomic writes; main process only), checked against the
 * typed schema in src/shared/settings.ts, upgraded by versioned migrations. The file is read and
 * checked here before electron-store opens it: a corrupt or hand-edited file never stops the
 * app, it is backed up (settings.json.corrupt-<time>), what is valid is kept, the rest gets its
 * default, and `recovery` tells the user. A file a newer HA Tray wrote is never touched: the
 * store runs on defaults, keeps changes for this run only, and `notice` says so. The token never
 * lives here: every write is checked against the schema, which has no place a token fits.
 */
export class SettingsStore {
  private readonly changes = new Emitter<Settings>();

  private constructor(
    /** Null while the file belongs to a newer HA Tray: nothing is written. */
    private readonly store: ElectronStore<Settings> | null,
    private settings: Settings,
    /** Set when the file could not be used as it was; shown once, in this run. */
    readonly recovery: SettingsRecovery | null,
    readonly path: string,
    /** Set when a newer HA Tray wrote the file: why changes are not saved. */
    private readonly newer: string | null = null,
  ) {}

  static open(options: SettingsStoreOptions): SettingsStore {
    const { cwd, logger } = options;
    const now = options.now ?? (() => new Date());
    const shape = options.shape ?? { version: SETTINGS_VERSION, migrations: MIGRATIONS };
    const path = join(cwd, APP_FILES.settings);
    ensurePrivateFolder(cwd);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const loaded = loadSettings(text, shape);
    if (loaded.newerVersion !== null) {
      const sentence =
        `${newerFileSentence({ ...SETTINGS_FORMAT, ...shape }, loaded.newerVersion)} Until then ` +
        'HA Tray runs with default settings, and what you change is kept only until it quits.';
      logger.warn(sentence);
      return new SettingsStore(null, loaded.settings, null, path, sentence);
    }

    let recovery: SettingsRecovery | null = null;
    if (loaded.problem) {
      const backupPath = `${path}.corrupt-${timestamp(now())}`;
      backUp(path, backupPath);
      // electron-store refuses to open a file that is not JSON; its copy is safe by now.
      if (loaded.problem.notJson) rmSync(path);
      recovery = { reason: loaded.problem.reason, backupPath, reset: loaded.problem.reset };
      logger.warn(`Settings recovered: ${loaded.problem.reason}`, {
        backupPath,
        reset: loaded.problem.reset,
      });
    } else if (loaded.migratedFrom !== null) {
      // For going back to an older HA Tray by hand.
      backUp(path, `${path}.version-${loaded.migratedFrom}`);
      logger.info(`Settings upgraded from version ${loaded.migratedFrom} to ${shape.version}`);
    }

    // An explicit folder: electron-store would otherwise ask Electron for it (and tests have none).
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
    const store = new ElectronStore<Settings>({
      cwd,
      name: basename(APP_FILES.settings, '.json'),
      clearInvalidConfig: false,
      configFileMode: PRIVATE_FILE_MODE,
    });
    if (text === null || recovery || loaded.migratedFrom !== null) store.store = loaded.settings;
    return new SettingsStore(store, loaded.settings, recovery, store.path);
  }

  get(): Settings {
    return this.settings;
  }

  /**
   * What the user should read about the settings file at start, in full sentences: it was
   * repaired (and where the old one went), or a newer HA Tray wrote it. Null when all was well.
   */
  notice(): string | null {
    if (this.newer) return this.newer;
    return this.recovery
      ? `${this.recovery.reason} A copy of the old file was kept next to the new one.`
      : null;
  }

  /**
   * Applies a change from the settings window; invalid input is refused with a clear message. A
   * section sent as `undefined` is no change (it must not vanish from the file).
   */
  update(patch: unknown): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw invalid(parsed.error.issues[0]);
    const defined = Object.fromEntries(
      Object.entries(parsed.data).filter(([, value]) => value !== undefined),
    );
    return this.write({ ...this.settings, ...defined });
  }

  /** Only after main asked the user in a native dialog: a page cannot change token storage. */
  allowWeakStorage(): Settings {
    return this.write({ ...this.settings, storage: { allowWeakEncryption: true } });
  }

  /** After the user agreed in main's dialog to send the token unencrypted to `origin`. */
  allowPlainHttp(origin: string): Settings {
    const { trust } = this.settings;
    if (trust.plainHttp.includes(origin)) return this.settings;
    const plainHttp = [...trust.plainHttp, origin].slice(-20);
    return this.write({ ...this.settings, trust: { ...trust, plainHttp } });
  }

  /** After the user compared the fingerprint in main's dialog; replaces the origin's old pin. */
  pinCertificate(pin: Settings['trust']['certificates'][number]): Settings {
    const { trust } = this.settings;
    const others = trust.certificates.filter((c) => c.origin !== pin.origin);
    const certificates = [...others, pin].slice(-20);
    return this.write({ ...this.settings, trust: { ...trust, certificates } });
  }

  /**
   * A new instance, not set up yet, at the end of the list: "Add a Home Assistant". Its key is
   * new and never reused, so nothing of a removed instance can come back with it.
   */
  addInstance(): InstanceEntry {
    if (this.settings.instances.length >= MAX_INSTANCES)
      throw new UserFacingError(
        `HA Tray follows at most ${MAX_INSTANCES} Home Assistants. Remove one to add another.`,
        'too_many_instances',
      );
    const taken = new Set(this.settings.instances.map((entry) => entry.key));
    let key = randomUUID().slice(0, 8);
    while (taken.has(key)) key = randomUUID().slice(0, 8);
    const entry = newInstanceEntry(key);
    this.write({ ...this.settings, instances: [...this.settings.instances, entry] });
    return entry;
  }

  /**
   * Forgets an instance and what only it had (the tray sensor, when it was one of its entities).
   * The last one leaves a new instance that is not set up, as on a first run.
   */
  removeInstance(key: string): Settings {
    this.entry(key);
    const left = this.settings.instances.filter((entry) => entry.key !== key);
    const { ui } = this.settings;
    return this.write({
      ...this.settings,
      instances: left.length > 0 ? left : [newInstanceEntry(randomUUID().slice(0, 8))],
      ui: ui.traySensor?.instance === key ? { ...ui, traySensor: null } : ui,
    });
  }

  /** The user's change to one instance's own settings (name, favourites, rules, reminder). */
  updateInstance(key: string, patch: unknown): Settings {
    const parsed = instancePatchSchema.safeParse(patch);
    if (!parsed.success) throw invalid(parsed.error.issues[0]);
    const defined = Object.fromEntries(
      Object.entries(parsed.data).filter(([, value]) => value !== undefined),
    );
    return this.writeEntry(key, { ...this.entry(key), ...defined });
  }

  /**
   * An instance's origin, after "Save connection"; null forgets it. The remembered uuid and
   * location name stay with the same origin and go with a new one: another address may be
   * another Home Assistant.
   */
  setInstanceOrigin(key: string, origin: string | null): Settings {
    const current = this.entry(key);
    if (current.origin === origin) return this.settings;
    const { uuid: _uuid, ...rest } = current;
    return this.writeEntry(key, { ...rest, origin, locationName: null });
  }

  /** Discovery saw the instance announce this id at its address (never from a page). */
  rememberInstanceUuid(key: string, uuid: string): Settings {
    const current = this.entry(key);
    if (current.uuid === uuid) return this.settings;
    return this.writeEntry(key, { ...current, uuid });
  }

  /** Home Assistant told its location name: the instance's name while it is down. */
  rememberLocationName(key: string, locationName: string): Settings {
    const current = this.entry(key);
    const name = locationName.slice(0, 80);
    if (current.locationName === name) return this.settings;
    return this.writeEntry(key, { ...current, locationName: name });
  }

  /**
   * The instance moved: only after the user agreed in main's dialog to send the token to
   * `origin` (src/main/discovery/moved-instance.ts). The uuid stays: it is the same Home Assistant.
   */
  moveInstance(key: string, origin: string): Settings {
    return this.writeEntry(key, { ...this.entry(key), origin });
  }

  /** The user's answer, in main's dialog, to sending the token to a known instance's new address. */
  recordAddressConsent(consent: AddressConsent): Settings {
    const { trust } = this.settings;
    const others = (trust.addressConsents ?? []).filter(
      (c) => c.uuid !== consent.uuid || c.origin !== consent.origin,
    );
    const addressConsents = [...others, consent].slice(-20);
    return this.write({ ...this.settings, trust: { ...trust, addressConsents } });
  }

  /** The instance with this key; a key HA Tray does not know is refused with a sentence. */
  entry(key: string): InstanceEntry {
    const entry = instanceEntry(this.settings, key);
    if (!entry) throw unknownInstance();
    return entry;
  }

  private writeEntry(key: string, next: unknown): Settings {
    const parsed = instanceEntrySchema.safeParse(next);
    if (!parsed.success) throw invalid(parsed.error.issues[0]);
    const instances = this.settings.instances.map((entry) =>
      entry.key === key ? parsed.data : entry,
    );
    return this.write({ ...this.settings, instances });
  }

  onChange(listener: (settings: Settings) => void): () => void {
    return this.changes.on(listener);
  }

  /** Nothing reaches the file unless the whole result is valid settings. */
  private write(next: Settings): Settings {
    const checked = settingsSchema.safeParse(next);
    if (!checked.success) throw invalid(checked.error.issues[0]);
    if (isDeepStrictEqual(next, this.settings)) return this.settings;
    if (this.store) this.store.store = next;
    this.settings = next;
    this.changes.emit(next);
    return next;
  }
}

/** A page named an instance that is not (or no longer) in the settings. */
export function unknownInstance(): UserFacingError {
  return new UserFacingError(
    'That Home Assistant is not set up in HA Tray any more. Close this page and open it again.',
    'unknown_instance',
  );
}

function invalid(issue: { path: PropertyKey[]; message: string } | undefined): UserFacingError {
  const where = issue?.path.map(String).join('.') ?? '';
  return new UserFacingError(
    `That setting is not valid: ${where} ${issue?.message ?? ''}`.replace(/\s+/g, ' ').trim(),
    'invalid_settings',
  );
}
