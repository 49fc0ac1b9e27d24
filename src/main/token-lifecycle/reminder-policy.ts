import type {
  DueReason,
  ReminderStatus,
  RotationInterval,
  SnoozeDuration,
} from '../../shared/token-status';
import { DAY_MS, wholeDaysBetween } from './days';
import { earliest, effectiveExpiry, type TokenFacts } from './token-facts';

/** A token expiring within this many days is flagged whatever the interval. */
export const EXPIRING_SOON_DAYS = 30;
/** At most one reminder notification per this period. */
export const NOTIFY_EVERY_MS = DAY_MS;

export const SNOOZE_MS: Record<SnoozeDuration, number> = { day: DAY_MS, week: 7 * DAY_MS };

/**
 * What the reminder remembers across restarts. It belongs to one token (`tokenKey`): a new token
 * starts with no snooze and no notification sent.
 */
export interface ReminderMemory {
  tokenKey: string | null;
  snoozedUntil: number | null;
  lastNotifiedAt: number | null;
}

export const EMPTY_MEMORY: ReminderMemory = {
  tokenKey: null,
  snoozedUntil: null,
  lastNotifiedAt: null,
};

/** Names the token without revealing it: its refresh-token id, or when it was saved. */
export function reminderTokenKey(facts: TokenFacts | null): string | null {
  if (!facts) return null;
  if (facts.refreshTokenId !== null) return `iss:${facts.refreshTokenId}`;
  return facts.savedAt === null ? null : `saved:${facts.savedAt}`;
}

/**
 * The memory that applies to this token: the stored one, or a fresh one after a token change.
 * With no token readable (none saved, or a locked keyring) the stored memory is kept as it is:
 * it still belongs to the token that will be back.
 */
export function memoryForToken(facts: TokenFacts | null, memory: ReminderMemory): ReminderMemory {
  if (!facts) return memory;
  const tokenKey = reminderTokenKey(facts);
  return memory.tokenKey === tokenKey ? memory : { ...EMPTY_MEMORY, tokenKey };
}

export interface ReminderInput {
  now: number;
  interval: RotationInterval;
  facts: TokenFacts | null;
  /** Already passed through `memoryForToken`. */
  memory: ReminderMemory;
}

export interface ReminderEvaluation {
  status: ReminderStatus;
  /** Show a notification now (due, not snoozed, none in the last day). */
  notify: boolean;
  /** The next moment the status changes by itself (due date, snooze end, expiry window), if any. */
  nextChangeAt: number | null;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

type Texts = Pick<ReminderStatus, 'headline' | 'menuLine'>;

function dueTexts(
  reason: DueReason,
  status: Omit<ReminderStatus, keyof Texts>,
  now: number,
): Texts {
  switch (reason) {
    case 'expired':
      return { headline: 'Token has expired', menuLine: 'Token has expired - Replace…' };
    case 'expiring': {
      const headline = `Token expires in ${plural(Math.ceil((status.expiresAt! - now) / DAY_MS), 'day')}`;
      return { headline, menuLine: `${headline} - Rotate…` };
    }
    case 'age': {
      const headline =
        status.ageDays !== null
          ? `Token is ${plural(status.ageDays, 'day')} old`
          : `Token was saved ${plural(status.savedDaysAgo ?? 0, 'day')} ago`;
      return { headline, menuLine: `${headline} - Rotate…` };
    }
  }
}

/** The reminder at `now`: pure, so the tray, the settings page and the tests agree on it. */
export function evaluateReminder({
  now,
  interval,
  facts,
  memory,
}: ReminderInput): ReminderEvaluation {
  const ageDays = facts?.issuedAt != null ? wholeDaysBetween(facts.issuedAt, now) : null;
  const savedDaysAgo = facts?.savedAt != null ? wholeDaysBetween(facts.savedAt, now) : null;
  const start = facts?.issuedAt ?? facts?.savedAt ?? null;
  const ageDueAt = interval === 'off' || start === null ? null : start + interval * DAY_MS;
  const expiresAt = facts ? effectiveExpiry(facts) : null;
  const expired = expiresAt !== null && now >= expiresAt;
  const expiringFrom = expiresAt === null ? null : expiresAt - EXPIRING_SOON_DAYS * DAY_MS;
  const expiringSoon = !expired && expiringFrom !== null && now >= expiringFrom;
  // The rotation is due at whichever comes first, so a schedule never names a day after the
  // token has stopped working.
  const dueAt = facts ? earliest(ageDueAt, expiringFrom) : null;

  let dueReason: DueReason | null = null;
  if (facts) {
    if (expired) dueReason = 'expired';
    else if (expiringSoon) dueReason = 'expiring';
    else if (ageDueAt !== null && now >= ageDueAt) dueReason = 'age';
  }
  // An expired token cannot be snoozed away: nothing works until it is replaced.
  const snoozed =
    dueReason !== null &&
    dueReason !== 'expired' &&
    memory.snoozedUntil !== null &&
    now < memory.snoozedUntil;

  const state: ReminderStatus['state'] = !facts
    ? 'no_token'
    : dueReason !== null
      ? snoozed
        ? 'snoozed'
        : 'due'
      : interval === 'off'
        ? 'off'
        : 'scheduled';
  const attention = state === 'due';
  const base: Omit<ReminderStatus, keyof Texts> = {
    state,
    dueReason,
    interval,
    ageDays,
    savedDaysAgo,
    dueAt,
    expiresAt,
    expiringSoon,
    expired,
    snoozedUntil: snoozed ? memory.snoozedUntil : null,
    attention,
  };
  const status: ReminderStatus = {
    ...base,
    ...(attention && dueReason !== null
      ? dueTexts(dueReason, base, now)
      : { headline: null, menuLine: null }),
  };

  const notify =
    attention && (memory.lastNotifiedAt === null || now - memory.lastNotifiedAt >= NOTIFY_EVERY_MS);
  const upcoming = facts
    ? [ageDueAt, expiringFrom, expiresAt, snoozed ? memory.snoozedUntil : null].filter(
        (t): t is number => t !== null && t > now,
      )
    : [];
  return { status, notify, nextChangeAt: upcoming.length ? Math.min(...upcoming) : null };
}

/** The text of the reminder notification. */
export function reminderNotification(status: ReminderStatus): { title: string; body: string } {
  switch (status.dueReason) {
    case 'expired':
      return {
        title: 'Your Home Assistant token has expired',
        body: 'HA Tray cannot connect until you paste a new token in Settings.',
      };
    case 'expiring':
      return {
        title: 'Your Home Assistant token expires soon',
        body: `${status.headline ?? 'It expires soon'}. Rotate it with one click in Settings.`,
      };
    default:
      return {
        title: 'Time to rotate your Home Assistant token',
        body: `${status.headline ?? 'It is due'}. Rotate it with one click in Settings.`,
      };
  }
}
