import { z } from 'zod';
import { DEFAULT_NOTIFICATION_SETTINGS, notificationSettingsSchema } from './notification-rules';
import { checkShortcut } from './shortcut';
import { ROTATION_INTERVALS } from './token-status';

/**
 * The shape version of the settings file. A new section or a new field with a default needs no
 * new version (a file without it gets the default); renaming, moving or re-meaning a value does:
 * bump this and add a migration in src/main/settings/migrations.ts.
 */
export const SETTINGS_VERSION = 2;

function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

const httpOrigin = z.string().max(255).refine(isHttpOrigin, 'not an http(s) origin');
/** "AB:CD:..." as Node and browsers show a certificate's SHA-256 fingerprint. */
const sha256Fingerprint = z
  .string()
  .regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/, 'not a SHA-256 fingerprint');
/** One PEM certificate: base64 only, so it cannot carry a token (a JWT has dots, - and _). */
const pemCertificate = z
  .string()
  .max(16_384)
  .regex(
    /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\r?\n?$/,
    'not a PEM certificate',
  );

/**
 * Home Assistant's instance id (the `uuid` it announces on the network): a uuid4 in hex. Short and
 * without dots, so it cannot hold a token.
 */
const instanceId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not an instance id');

const entityId = z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'not an entity id');

export const favouriteSchema = z
  .object({
    entityId,
    /** Shown instead of Home Assistant's friendly name. */
    label: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type Favourite = z.infer<typeof favouriteSchema>;

const isoDate = z.iso.datetime({ offset: true }).nullable().default(null);

/**
 * Each section, and each field in a section, is checked on its own when the file is read, so a
 * hand-edited file loses only what is wrong. No string field can hold a Home Assistant token: they
 * are all shorter than one (and the address must be a bare origin).
 */
export const settingsSections = {
  /**
   * The saved Home Assistant instance: a normalised origin, port included
   * ("http://homeassistant.local:8123"). Called `connection` up to settings version 1. `uuid`: the
   * id it announced on the network at that address (src/main/discovery/), to recognise it after
   * its address changed; absent until discovery has seen it (a file without it needs no migration).
   */
  instance: z.object({ origin: httpOrigin, uuid: instanceId.optional() }).strict().nullable(),
  /** In the order the user chose. */
  favourites: z
    .array(favouriteSchema)
    .max(500)
    .refine(
      (list) => new Set(list.map((f) => f.entityId)).size === list.length,
      'a favourite is listed twice',
    ),
  tokenReminder: z
    .object({
      /** Days between rotations; null turns the reminder off. */
      intervalDays: z.literal(ROTATION_INTERVALS).nullable().default(90),
      snoozedUntil: isoDate,
      lastNotifiedAt: isoDate,
    })
    .strict(),
  storage: z
    .object({
      /** Linux without a keyring: the user agreed, after a warning, to store the token weakly. */
      allowWeakEncryption: z.boolean().default(false),
    })
    .strict(),
  /** What the user agreed to in a native dialog main opened; never changed by a page. */
  trust: z
    .object({
      /** Origins outside the local network that may get the token over plain http. */
      plainHttp: z.array(httpOrigin).max(20).default([]),
      /** Self-signed certificates, trusted by fingerprint after the user compared it: one per origin. */
      certificates: z
        .array(
          z.object({ origin: httpOrigin, sha256: sha256Fingerprint, pem: pemCertificate }).strict(),
        )
        .max(20)
        .refine(
          (list) => new Set(list.map((c) => c.origin)).size === list.length,
          'an origin has two certificates',
        )
        .default([]),
      /**
       * A known Home Assistant (by its `uuid`) answered at another address after the saved one
       * failed, and the user was asked in main's dialog whether to send the token there
       * (src/main/discovery/moved-instance.ts): each answer, so a "no" is not asked again.
       * Absent until the first answer (a file without it needs no migration).
       */
      addressConsents: z
        .array(z.object({ uuid: instanceId, origin: httpOrigin, allowed: z.boolean() }).strict())
        .max(20)
        .optional(),
    })
    .strict(),
  /** Desktop notification rules, quiet hours, connection alerts and a remembered pause. */
  notifications: notificationSettingsSchema.default(DEFAULT_NOTIFICATION_SETTINGS),
  ui: z
    .object({
      /** An Electron accelerator with a modifier (src/shared/shortcut.ts); empty for none. */
      globalShortcut: z
        .string()
        .max(60)
        .refine((text) => text === '' || checkShortcut(text).ok, 'not a shortcut with a modifier')
        .default('CommandOrControl+Alt+H'),
      /** Mirrors the operating system's login item, which is the truth (read back at start). */
      startAtLogin: z.boolean().default(false),
      /** A sensor whose state shows in the tray's tooltip, and next to the icon on macOS. */
      traySensor: entityId.nullable().default(null),
    })
    .strict(),
  /** What goes into the log file (src/main/log/): debug lines only when the user asks for them. */
  diagnostics: z
    .object({
      debugLog: z.boolean().default(false),
    })
    .strict(),
};
export type SettingsSection = keyof typeof settingsSections;

export const settingsSchema = z
  .object({ schemaVersion: z.number().int().positive(), ...settingsSections })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** The defaults live in the schema, so a field missing from a file gets the same value. */
export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_VERSION,
  instance: null,
  favourites: [],
  tokenReminder: settingsSections.tokenReminder.parse({}),
  storage: settingsSections.storage.parse({}),
  trust: settingsSections.trust.parse({}),
  notifications: DEFAULT_NOTIFICATION_SETTINGS,
  ui: settingsSections.ui.parse({}),
  diagnostics: settingsSections.diagnostics.parse({}),
};

/**
 * What the renderer may change directly. The instance changes only through "Save connection";
 * token storage only after main asked the user in a native dialog.
 */
export const settingsPatchSchema = z
  .object({
    favourites: settingsSections.favourites,
    tokenReminder: settingsSections.tokenReminder,
    notifications: notificationSettingsSchema,
    ui: settingsSections.ui,
    diagnostics: settingsSections.diagnostics,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
