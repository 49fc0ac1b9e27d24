import { z } from 'zod';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  notificationRulesSchema,
  notificationSettingsSchema,
} from './notification-rules';
import { checkShortcut } from './shortcut';
import { ROTATION_INTERVALS } from './token-status';

/**
 * The shape version of the settings file. A new section or a new field with a default needs no
 * new version (a file without it gets the default); renaming, moving or re-meaning a value does:
 * bump this and add a migration in src/main/settings/migrations.ts.
 */
export const SETTINGS_VERSION = 3;

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
 * HA Tray's own name for one Home Assistant it knows: made when the instance is added, never
 * changed, and the name of its folder of files (src/main/storage/layout.ts). Lower-case letters,
 * digits and "-", so it is also a valid IPC stream key.
 */
export const instanceKeySchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'not an instance key');
export type InstanceKey = z.infer<typeof instanceKeySchema>;

/** In the order the user chose. */
export const favouritesSchema = z
  .array(favouriteSchema)
  .max(500)
  .refine(
    (list) => new Set(list.map((f) => f.entityId)).size === list.length,
    'a favourite is listed twice',
  );

export const tokenReminderSchema = z
  .object({
    /** Days between rotations; null turns the reminder off. */
    intervalDays: z.literal(ROTATION_INTERVALS).nullable().default(90),
    snoozedUntil: isoDate,
    lastNotifiedAt: isoDate,
  })
  .strict();

/** What the user calls an instance ("Home", "Cabin"): shown in the menu, panel and notifications. */
export const instanceNameSchema = z
  .string()
  .trim()
  .min(1, 'A name needs at least one letter')
  .max(40, 'A name is at most 40 characters');

/**
 * One Home Assistant HA Tray knows, with everything that belongs to it alone. Its token, rotation
 * journal and reminder memory are files in its own folder; everything here is in settings.json.
 */
export const instanceEntrySchema = z
  .object({
    key: instanceKeySchema,
    /** The user's name for it; null shows Home Assistant's location name. */
    name: instanceNameSchema.nullable().default(null),
    /**
     * A normalised origin, port included ("http://homeassistant.local:8123"); null until the user
     * set it up (a new instance, or the first run).
     */
    origin: httpOrigin.nullable().default(null),
    /**
     * The id it announced on the network at that address (src/main/discovery/), to recognise it
     * after its address changed, and when the same Home Assistant is added twice.
     */
    uuid: instanceId.optional(),
    /** Home Assistant's location name when it last connected: its name while it is down. */
    locationName: z.string().max(80).nullable().default(null),
    favourites: favouritesSchema.default([]),
    /** Desktop notification rules on this instance's entities. */
    rules: notificationRulesSchema.default([]),
    tokenReminder: tokenReminderSchema.default(tokenReminderSchema.parse({})),
  })
  .strict();
export type InstanceEntry = z.infer<typeof instanceEntrySchema>;

/** How many Home Assistants HA Tray follows at once. */
export const MAX_INSTANCES = 10;

/**
 * Each section, and each field in a section, is checked on its own when the file is read, so a
 * hand-edited file loses only what is wrong. No string field can hold a Home Assistant token: they
 * are all shorter than one (and the address must be a bare origin).
 */
export const settingsSections = {
  /**
   * The Home Assistants HA Tray follows, all at once, in the user's order (the menu's and the
   * panel's). Never empty: the first run has one that is not set up yet. Up to settings version 2
   * there was one, `instance` (called `connection` up to version 1).
   */
  instances: z
    .array(instanceEntrySchema)
    .min(1)
    .max(MAX_INSTANCES)
    .refine(
      (list) => new Set(list.map((i) => i.key)).size === list.length,
      'two instances have the same key',
    ),
  storage: z
    .object({
      /** Linux without a keyring: the user agreed, after a warning, to store the token weakly. */
      allowWeakEncryption: z.boolean().default(false),
    })
    .strict(),
  /**
   * What the user agreed to in a native dialog main opened; never changed by a page. Kept by
   * origin and uuid, so it holds for whichever instance has that address.
   */
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
  /** Quiet hours, connection alerts and a remembered pause: for every instance at once. */
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
      traySensor: z
        .object({ instance: instanceKeySchema, entityId })
        .strict()
        .nullable()
        .default(null),
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

/** The instance a first run starts with, and the one an upgrade from version 2 makes. */
export const FIRST_INSTANCE_KEY = 'first';

/** An instance that is not set up yet: what "Add a Home Assistant" starts from. */
export function newInstanceEntry(key: InstanceKey): InstanceEntry {
  return instanceEntrySchema.parse({ key });
}

/** The defaults live in the schema, so a field missing from a file gets the same value. */
export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_VERSION,
  instances: [newInstanceEntry(FIRST_INSTANCE_KEY)],
  storage: settingsSections.storage.parse({}),
  trust: settingsSections.trust.parse({}),
  notifications: DEFAULT_NOTIFICATION_SETTINGS,
  ui: settingsSections.ui.parse({}),
  diagnostics: settingsSections.diagnostics.parse({}),
};

/**
 * What the renderer may change directly, for the whole app. An instance's own settings change
 * through `instancePatchSchema`; its address only through "Save connection"; token storage only
 * after main asked the user in a native dialog.
 */
export const settingsPatchSchema = z
  .object({
    notifications: notificationSettingsSchema,
    ui: settingsSections.ui,
    diagnostics: settingsSections.diagnostics,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What the renderer may change of one instance. */
export const instancePatchSchema = z
  .object({
    name: instanceNameSchema.nullable(),
    favourites: favouritesSchema,
    rules: notificationRulesSchema,
    tokenReminder: tokenReminderSchema,
  })
  .partial()
  .strict();
export type InstancePatch = z.infer<typeof instancePatchSchema>;

/** The instance with this key, if the settings have it. */
export function instanceEntry(settings: Settings, key: string): InstanceEntry | undefined {
  return settings.instances.find((entry) => entry.key === key);
}
