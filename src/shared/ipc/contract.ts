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
import { settingsPatchSchema, settingsSchema } from '../settings';
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
import { event, request, value } from './define';
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
    updateSettings: request<Settings>()(z.tuple([settingsPatchSchema])),
    /** Tests an address and a token without saving anything. */
    testConnection: request<ProbeResult>()(z.tuple([candidateSchema])),
    /** Saves the candidate that just passed a test, and connects with it. */
    saveConnection: request<AppStatus>()(z.tuple([candidateSchema])),
    /** The user read the warning and agrees to store the token without a keyring. */
    allowWeakStorage: request<AppStatus>()(z.tuple([z.literal(true)])),
    /** Every entity, for the settings pages' lists: read on demand, never pushed. */
    listEntities: request<EntityView[]>()(z.tuple([])),
    /**
     * A page that lists every entity is open (true) or closed (false). Otherwise HA Tray subscribes
     * only to the entities it watches (favourites, rule entities).
     */
    setEntityListOpen: request<void>()(z.tuple([z.boolean()])),
    actOnEntity: request<void>()(
      z.tuple([
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
     * and follows the attempt in `signIn`. Replaces the current token when one is set up.
     */
    startSignIn: request<SignInStatus>()(z.tuple([addressSchema])),
    /** Ends a sign-in that waits for the browser; nothing is kept. */
    cancelSignIn: request<SignInStatus>()(z.tuple([])),
    /** "Send my token unencrypted to this address": main asks again in a native dialog. */
    allowPlainHttp: request<boolean>()(z.tuple([addressSchema])),
    /** "Compare and trust this certificate": main shows its fingerprint in a native dialog. */
    trustCertificate: request<boolean>()(z.tuple([addressSchema])),
    /** "Rotate now", also "Retry" of an unfinished rotation. */
    rotateToken: request<RotationStatus>()(z.tuple([])),
    snoozeTokenReminder: request<TokenStatus>()(z.tuple([snoozeDurationSchema])),
    /** A pasted token replaces the current one after it was verified. */
    replaceToken: request<ManualRotationResult>()(z.tuple([manualRotationRequestSchema.strict()])),
    revokeOldToken: request<RevokeOldResult>()(z.tuple([])),
    loadTokenAudit: request<AuditView>()(z.tuple([])),
    revokeTokens: request<RevokeResult>()(z.tuple([revokeRequestSchema.strict()])),
    /** The text a rule would show, for the rule editor's preview. */
    previewNotification: request<NotificationPreview>()(z.tuple([notificationRuleSchema])),
    sendTestNotification: request<void>()(z.tuple([notificationRuleSchema])),
    openSettings: request<void>()(z.tuple([z.enum(SETTINGS_PAGES)])),
    closePanel: request<void>()(z.tuple([])),
    /** Opens a page of the configured Home Assistant in the browser: "/profile/security". */
    openInHomeAssistant: request<void>()(z.tuple([z.string().startsWith('/').max(512)])),
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
    /** Entities came or went (or a new snapshot, or new areas): read listEntities again. */
    entityListChanged: event(z.strictObject({ size: z.number().int().nonnegative() })),
  },
  /** What main owns and pages show live: `getX()` reads it, `onX` follows its changes. */
  values: {
    status: value(appStatusSchema),
    settings: value(settingsSchema),
    tokenStatus: value(tokenStatusSchema),
    /** Start at login (as the system reports it) and the global shortcut's registration. */
    desktopStatus: value(desktopStatusSchema),
    /** The favourites Home Assistant has, in the user's order: what the panel shows. */
    favouriteEntities: value(z.array(entityViewSchema)),
    /** The Home Assistants that answer on this network: main browses while a page follows it. */
    discovery: value(discoveryViewSchema),
    /** The browser sign-in under way, or how the last one ended. */
    signIn: value(signInStatusSchema),
  },
};

export type IpcContract = typeof ipcContract;
