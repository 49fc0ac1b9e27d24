import { z } from 'zod';
import type { AppStatus } from '../app-status';
import type { DesktopStatus } from '../desktop-status';
import { diagnosticsOptionsSchema, type AboutInfo } from '../diagnostics';
import { entityActionSchema } from '../domains/registry';
import type { EntityView } from '../entity-view';
import { notificationRuleSchema } from '../notification-rules';
import { pageErrorSchema } from '../page-error';
import type { ProbeResult } from '../probe';
import type { Settings } from '../settings';
import { instancePatchSchema, settingsPatchSchema, settingsSchema } from '../settings';
import type { SignInStatus } from '../sign-in';
import {
  manualRotationRequestSchema,
  revokeRequestSchema,
  snoozeDurationSchema,
  type AuditView,
  type ManualRotationResult,
  type RevokeOldResult,
  type RevokeResult,
  type RotationStatus,
  type TokenStatus,
} from '../token-status';
import { event, instanceArgSchema, instanceValue, request, value } from './define';
import {
  appStatusSchema,
  desktopStatusSchema,
  discoveryViewSchema,
  entityViewSchema,
  signInStatusSchema,
  tokenStatusSchema,
} from './payloads';

/** The title and body of a notification, as the preview shows them. */
export interface NotificationPreview {
  title: string;
  body: string;
}

export const SETTINGS_PAGES = [
  'connection',
  'favourites',
  'notifications',
  'token',
  'general',
  'about',
] as const;

/** The settings window's pages, addressed by the hash route `#/<page>`. */
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

const candidateSchema = z
  .object({
    url: z.string().max(2048),
    token: z.string().max(16_384).optional(),
  })
  .strict();

const addressSchema = z.object({ url: z.string().max(2048) }).strict();

/** The instance a request is about: HA Tray's key for it (src/shared/settings.ts). */
const instance = instanceArgSchema;

/** What "Remove" did: the instance is gone; its token was revoked, or why it was not. */
export interface InstanceRemoval {
  revoked: boolean;
  /** Why the token could not be revoked (it stays valid until the user deletes it in HA). */
  revokeProblem: string | null;
}

const entityIdSchema = z
  .string()
  .regex(/^[a-z0-9_]+\.[a-z0-9_]+$/)
  .max(255);

/**
 * Every request the pages can make, every event main sends them and every value main owns.
 * Request arguments are validated at runtime in main, and so are events and values before they
 * leave main; responses are typed here for both sides.
 */
export const ipcContract = {
  requests: {
    /** App-wide settings (quiet hours, the shortcut, the tray sensor, the debug log). */
    updateSettings: request<Settings>()(z.tuple([settingsPatchSchema])),
    /** One instance's own settings: its name, favourites, rules and token reminder. */
    updateInstance: request<Settings>()(z.tuple([instance, instancePatchSchema])),
    /** "Add a Home Assistant": a new instance, not set up yet; answers its key. */
    addInstance: request<string>()(z.tuple([])),
    /**
     * "Remove": disconnects the instance and deletes its files; with `revokeToken`, the app's
     * token is revoked in that Home Assistant first (kept if that fails, and the answer says so).
     */
    removeInstance: request<InstanceRemoval>()(
      z.tuple([instance, z.strictObject({ revokeToken: z.boolean() })]),
    ),
    /** Tests an address and a token without saving anything. */
    testConnection: request<ProbeResult>()(z.tuple([instance, candidateSchema])),
    /** Saves the candidate that just passed a test, and connects with it. */
    saveConnection: request<AppStatus>()(z.tuple([instance, candidateSchema])),
    /** The user read the warning and agrees to store tokens without a keyring. */
    allowWeakStorage: request<AppStatus>()(z.tuple([instance, z.literal(true)])),
    /** Every entity of an instance, for the settings pages' lists: read on demand, never pushed. */
    listEntities: request<EntityView[]>()(z.tuple([instance])),
    /**
     * A page that lists every entity is open (true) or closed (false). Otherwise HA Tray subscribes
     * only to the entities it watches (favourites, rule entities).
     */
    setEntityListOpen: request<void>()(z.tuple([z.boolean()])),
    actOnEntity: request<void>()(
      z.tuple([
        instance,
        z
          .object({
            entityId: entityIdSchema,
            action: entityActionSchema,
            confirmed: z.boolean().optional(),
          })
          .strict(),
      ]),
    ),
    /** Opens "Long-lived access tokens" (/profile/security) of an address being set up. */
    openTokenPage: request<void>()(z.tuple([addressSchema])),
    /** Browses the network again for Home Assistants, while a page follows `discovery`. */
    refreshDiscovery: request<void>()(z.tuple([])),
    /**
     * "Sign in with Home Assistant": main opens the system browser on this address's login page
     * and follows the attempt in `signIn`. Replaces the instance's token when one is set up.
     */
    startSignIn: request<SignInStatus>()(z.tuple([instance, addressSchema])),
    /** Ends a sign-in that waits for the browser; nothing is kept. */
    cancelSignIn: request<SignInStatus>()(z.tuple([instance])),
    /** "Send my token unencrypted to this address": main asks again in a native dialog. */
    allowPlainHttp: request<boolean>()(z.tuple([instance, addressSchema])),
    /** "Compare and trust this certificate": main shows its fingerprint in a native dialog. */
    trustCertificate: request<boolean>()(z.tuple([instance, addressSchema])),
    /** "Rotate now", also "Retry" of an unfinished rotation. */
    rotateToken: request<RotationStatus>()(z.tuple([instance])),
    snoozeTokenReminder: request<TokenStatus>()(z.tuple([instance, snoozeDurationSchema])),
    /** A pasted token replaces the current one after it was verified. */
    replaceToken: request<ManualRotationResult>()(
      z.tuple([instance, manualRotationRequestSchema.strict()]),
    ),
    revokeOldToken: request<RevokeOldResult>()(z.tuple([instance])),
    loadTokenAudit: request<AuditView>()(z.tuple([instance])),
    revokeTokens: request<RevokeResult>()(z.tuple([instance, revokeRequestSchema.strict()])),
    /** The text a rule would show, for the rule editor's preview. */
    previewNotification: request<NotificationPreview>()(
      z.tuple([instance, notificationRuleSchema]),
    ),
    sendTestNotification: request<void>()(z.tuple([instance, notificationRuleSchema])),
    /** Opens a settings page, of one instance where the page is about one. */
    openSettings: request<void>()(z.tuple([z.enum(SETTINGS_PAGES), instance.optional()])),
    closePanel: request<void>()(z.tuple([])),
    /** Opens a page of an instance's Home Assistant in the browser: "/profile/security". */
    openInHomeAssistant: request<void>()(z.tuple([instance, z.string().startsWith('/').max(512)])),
    setStartAtLogin: request<DesktopStatus>()(z.tuple([z.boolean()])),
    /** Registers a new shortcut and saves it, or refuses it with the reason; "" disables it. */
    setGlobalShortcut: request<DesktopStatus>()(z.tuple([z.string().max(60)])),
    getAbout: request<AboutInfo>()(z.tuple([])),
    /** Puts the diagnostics text on the clipboard and returns it, so the page can show it. */
    copyDiagnostics: request<string>()(z.tuple([diagnosticsOptionsSchema])),
    /** An error the page could not handle, for main's log: capped here, rate-limited in main. */
    reportPageError: request<void>()(z.tuple([pageErrorSchema])),
  },
  events: {
    /**
     * An instance's entities came or went (or a new snapshot, or new areas): read listEntities
     * again. Followed per instance.
     */
    entityListChanged: event(z.strictObject({ size: z.number().int().nonnegative() })),
  },
  /** What main owns and pages show live: `getX()` reads it, `onX` follows its changes. */
  values: {
    settings: value(settingsSchema),
    /** Start at login (as the system reports it) and the global shortcut's registration. */
    desktopStatus: value(desktopStatusSchema),
    /** The Home Assistants that answer on this network: main browses while a page follows it. */
    discovery: value(discoveryViewSchema),
    /** Each instance's connection, address and token state. */
    status: instanceValue(appStatusSchema),
    tokenStatus: instanceValue(tokenStatusSchema),
    /** An instance's favourites Home Assistant has, in the user's order: what the panel shows. */
    favouriteEntities: instanceValue(z.array(entityViewSchema)),
    /** The browser sign-in under way for an instance, or how its last one ended. */
    signIn: instanceValue(signInStatusSchema),
  },
};

export type IpcContract = typeof ipcContract;
