import { z } from 'zod';

export const SETTINGS_VERSION = 1;

const entityId = z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'not an entity id');

export const favouriteSchema = z
  .object({
    entityId,
    /** Shown instead of Home Assistant's friendly name. */
    label: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type Favourite = z.infer<typeof favouriteSchema>;

export const ROTATION_INTERVALS = [30, 60, 90, 180, 365] as const;

/** Each section parses on its own, so a hand-edited file loses only the section that is wrong. */
export const settingsSections = {
  /** The Home Assistant instance: a normalised origin ("http://homeassistant.local:8123"). */
  connection: z.object({ origin: z.string().url() }).strict().nullable(),
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
      intervalDays: z
        .union(
          ROTATION_INTERVALS.map((d) => z.literal(d)) as [
            z.ZodLiteral<30>,
            ...z.ZodLiteral<number>[],
          ],
        )
        .nullable(),
      snoozedUntil: z.string().datetime().nullable(),
    })
    .strict(),
  storage: z.object({ allowWeakEncryption: z.boolean() }).strict(),
  ui: z.object({ globalShortcut: z.string().max(60), startAtLogin: z.boolean() }).strict(),
};

export const settingsSchema = z
  .object({ schemaVersion: z.literal(SETTINGS_VERSION), ...settingsSections })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsSection = keyof typeof settingsSections;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_VERSION,
  connection: null,
  favourites: [],
  tokenReminder: { intervalDays: 90, snoozedUntil: null },
  storage: { allowWeakEncryption: false },
  ui: { globalShortcut: 'CommandOrControl+Alt+H', startAtLogin: false },
};

/** What the renderer may change directly. The connection changes only through "Save connection". */
export const settingsPatchSchema = z
  .object({
    favourites: settingsSections.favourites,
    tokenReminder: settingsSections.tokenReminder,
    storage: settingsSections.storage,
    ui: settingsSections.ui,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
