import { z } from 'zod';

/**
 * What the settings page and the tray know about the token's lifecycle: age, expiry, the rotation
 * reminder, rotation progress and the token audit. Never a token string. Times are epoch
 * milliseconds so everything crosses IPC as plain JSON.
 */

export const ROTATION_INTERVALS = [30, 60, 90, 180, 365] as const;
export type RotationIntervalDays = (typeof ROTATION_INTERVALS)[number];
/** How often the user wants to rotate, in days, or 'off' for no reminder. */
export type RotationInterval = RotationIntervalDays | 'off';
export const DEFAULT_ROTATION_INTERVAL: RotationInterval = 90;
export const rotationIntervalSchema = z.union([
  z.literal(30),
  z.literal(60),
  z.literal(90),
  z.literal(180),
  z.literal(365),
  z.literal('off'),
]);

/** The stored token as the settings page shows it. */
export interface TokenFactsView {
  /** The token's name in Home Assistant, once looked up. */
  name: string | null;
  /** When Home Assistant created the token (its refresh token's created_at). */
  createdAt: number | null;
  /** From the token itself (JWT iat); null when the token is not shaped like a Home Assistant token. */
  issuedAt: number | null;
  /** The token's own expiry (JWT exp). */
  expiresAt: number | null;
  /**
   * When Home Assistant deletes the token because its expiry is switched on (`expire_at`, Home
   * Assistant 2024.2 on); null when it never does or Home Assistant does not say.
   */
  haExpireAt: number | null;
  /** When HA Tray saved the token; the reminder counts from here when the issue date is unknown. */
  savedAt: number | null;
  /** Whole days since the token was issued; null when unknown. */
  ageDays: number | null;
}

export type SnoozeDuration = 'day' | 'week';
export const snoozeDurationSchema = z.enum(['day', 'week']);

/**
 * - `no_token`: nothing stored.
 * - `off`: the interval is off and the token is not about to expire.
 * - `scheduled`: not due yet (`dueAt` says when).
 * - `due`: the tray shows its badge and menu line (see `dueReason`).
 * - `snoozed`: would be due, hidden until `snoozedUntil`.
 */
export type ReminderState = 'no_token' | 'off' | 'scheduled' | 'due' | 'snoozed';
/** `age`: the interval has passed; `expiring`: expires within 30 days; `expired`: no longer works. */
export type DueReason = 'age' | 'expiring' | 'expired';

export interface ReminderStatus {
  state: ReminderState;
  dueReason: DueReason | null;
  interval: RotationInterval;
  /** Days since the token was issued, or null when the token does not say. */
  ageDays: number | null;
  /** Days since HA Tray saved the token (used when the age is unknown). */
  savedDaysAgo: number | null;
  /**
   * When the token is due for rotation: the end of the interval, or the start of the 30 days
   * before it expires if that is sooner. Null when neither is known (or there is no token).
   */
  dueAt: number | null;
  /** When the token stops working: its own expiry, or Home Assistant's deletion date if sooner. */
  expiresAt: number | null;
  /** Expires within 30 days, whatever the interval (shown in settings even when snoozed). */
  expiringSoon: boolean;
  expired: boolean;
  snoozedUntil: number | null;
  /** The tray icon shows its attention badge. */
  attention: boolean;
  /** What is due, e.g. "Token is 97 days old"; null when nothing is (or it is snoozed). */
  headline: string | null;
  /** The tray menu line, e.g. "Token is 97 days old - Rotate…"; null when nothing is due. */
  menuLine: string | null;
}

/** The visible steps of a one-click rotation. */
export type RotationStep =
  | 'creating'
  | 'storing'
  | 'verifying'
  | 'switching'
  | 'revoking'
  /** Undoing a rotation that cannot finish: deleting the unused new token. */
  | 'rolling_back';

/**
 * - `idle`: no rotation has run since start.
 * - `not_started`: nothing was created (no token to rotate, Home Assistant unreachable...).
 * - `running`: a rotation (or the recovery of an interrupted one) is at `step`.
 * - `rotated`: done; the old token is revoked.
 * - `rolled_back`: the rotation did not happen; the current token is unchanged and nothing is left over.
 * - `revoke_failed`: the new token is in use, the old one could not be revoked yet: retry.
 * - `incomplete`: interrupted and not yet cleaned up (for example Home Assistant is unreachable);
 *   HA Tray retries when it reconnects. `leftoverTokenName` names a token the rotation may have
 *   created that is not in use, so the user knows about it even if it cannot be deleted.
 */
export type RotationStatus =
  | { phase: 'idle' }
  | { phase: 'not_started'; message: string }
  | { phase: 'running'; step: RotationStep }
  | { phase: 'rotated'; at: number; tokenName: string }
  | { phase: 'rolled_back'; message: string }
  | { phase: 'revoke_failed'; message: string }
  | { phase: 'incomplete'; message: string; leftoverTokenName: string | null };

/** One long-lived token of the user in the audit list. There is no "last used": HA does not track it. */
export interface AuditRow {
  /** The refresh-token id (the JWT's iss): not a secret, it only names the token. */
  id: string;
  name: string | null;
  createdAt: number | null;
  /**
   * Home Assistant's deletion date (`expire_at`, 2024.2 on) and, for the token HA Tray uses, its
   * JWT's expiry: the earlier of the two. Null means unknown, not "never".
   */
  expiresAt: number | null;
  usedByThisApp: boolean;
  /** Older than the rotation interval (never when the interval is off). */
  olderThanInterval: boolean;
  /** Can be revoked from the audit list (not the current token, not one in an open rotation). */
  revocable: boolean;
}

export type AuditView =
  { state: 'loaded'; rows: AuditRow[]; loadedAt: number } | { state: 'error'; message: string };

export const revokeRequestSchema = z.object({
  ids: z.array(z.string().min(1).max(200)).min(1).max(200),
  /** The user confirmed in the page: nothing is revoked without it. */
  confirm: z.boolean(),
});
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

export type RevokeResult =
  | { kind: 'needs_confirmation'; message: string }
  /** Nothing was revoked: at least one id may not be revoked here. */
  | { kind: 'refused'; message: string; ids: string[] }
  | { kind: 'done'; revoked: string[]; failed: { id: string; message: string }[] };

export const manualRotationRequestSchema = z.object({
  token: z.string().max(20_000),
  /** The user confirmed using a token of another user or instance. */
  confirmDifferent: z.boolean(),
});
export type ManualRotationRequest = z.infer<typeof manualRotationRequestSchema>;

/** Why a pasted token needs an explicit confirmation. */
export type TokenDifference = 'other_user' | 'other_instance' | 'user_unknown';

export type ManualRotationResult =
  /** The text cannot be a token, or Home Assistant refused it. */
  | { kind: 'invalid'; message: string }
  /** Nothing was changed: Home Assistant is unreachable, or a rotation is unfinished. */
  | { kind: 'unavailable'; message: string }
  | { kind: 'needs_confirmation'; differences: TokenDifference[]; message: string }
  /** The new token is in use. The old one still works until the user revokes it. */
  | { kind: 'replaced'; canRevokeOld: boolean; message: string };

export type RevokeOldResult = { ok: true } | { ok: false; message: string };

/** Everything the token page shows in one object. */
export interface TokenStatus {
  facts: TokenFactsView | null;
  /** Home Assistant refused this token on the last connect; a newly saved token is not judged yet. */
  rejected: boolean;
  reminder: ReminderStatus;
  rotation: RotationStatus;
}
