import { describe, expect, it } from 'vitest';
import type { ReminderMemory } from '../../../src/main/token-lifecycle/reminder-policy';
import {
  EMPTY_MEMORY,
  evaluateReminder,
  memoryForToken,
  reminderNotification,
  reminderTokenKey,
} from '../../../src/main/token-lifecycle/reminder-policy';
import type { TokenFacts } from '../../../src/main/token-lifecycle/token-facts';
import type { RotationInterval } from '../../../src/shared/token-status';

const DAY = 86_400_000;
const ISSUED = Date.UTC(2025, 0, 1);

const facts = (over: Partial<TokenFacts> = {}): TokenFacts => ({
  refreshTokenId: 'rt1',
  issuedAt: ISSUED,
  expiresAt: ISSUED + 3650 * DAY,
  haExpireAt: null,
  savedAt: ISSUED + DAY,
  name: 'HA Tray',
  createdAt: ISSUED,
  ...over,
});

const at = (
  days: number,
  options: {
    interval?: RotationInterval;
    facts?: TokenFacts | null;
    memory?: Partial<ReminderMemory>;
  } = {},
) => {
  const f = options.facts === undefined ? facts() : options.facts;
  return evaluateReminder({
    now: ISSUED + days * DAY,
    interval: options.interval ?? 90,
    facts: f,
    memory: { ...memoryForToken(f, EMPTY_MEMORY), ...options.memory },
  });
};

describe('rotation reminder rules', () => {
  it('is scheduled before the interval and due from the day it is reached', () => {
    expect(at(89.9).status).toMatchObject({
      state: 'scheduled',
      dueAt: ISSUED + 90 * DAY,
      attention: false,
      menuLine: null,
    });
    expect(at(97).status).toMatchObject({
      state: 'due',
      dueReason: 'age',
      ageDays: 97,
      attention: true,
      headline: 'Token is 97 days old',
      menuLine: 'Token is 97 days old - Rotate…',
    });
  });

  it('counts from the date it was saved when the token does not say its age', () => {
    const unknown = facts({ refreshTokenId: null, issuedAt: null, expiresAt: null });
    expect(at(90.5, { facts: unknown }).status.state).toBe('scheduled');
    expect(at(91, { facts: unknown }).status).toMatchObject({
      state: 'due',
      ageDays: null,
      savedDaysAgo: 90,
      menuLine: 'Token was saved 90 days ago - Rotate…',
    });
  });

  it.each([30, 60, 180, 365] as const)('uses a %i-day interval', (interval) => {
    expect(at(interval - 1, { interval }).status.state).toBe('scheduled');
    expect(at(interval, { interval }).status.state).toBe('due');
  });

  it('never reminds by age when the interval is off; only before the token expires', () => {
    expect(at(3000, { interval: 'off' }).status).toMatchObject({
      state: 'off',
      dueAt: ISSUED + 3620 * DAY,
      attention: false,
    });
    const unknownExpiry = facts({ expiresAt: null });
    expect(at(3000, { interval: 'off', facts: unknownExpiry }).status.dueAt).toBeNull();
  });

  it('schedules the next rotation no later than 30 days before the token stops working', () => {
    // Issued with 100 days to live, rotated every 90 days: the expiry window opens first.
    const short = facts({ expiresAt: ISSUED + 100 * DAY });
    expect(at(1, { facts: short }).status.dueAt).toBe(ISSUED + 70 * DAY);
    // Home Assistant's own deletion date counts as well.
    const deleted = facts({ haExpireAt: ISSUED + 90 * DAY });
    expect(at(1, { interval: 365, facts: deleted }).status.dueAt).toBe(ISSUED + 60 * DAY);
    // Due now, with 10 days left: never a date after the expiry.
    const expiring = at(90, { interval: 365, facts: short }).status;
    expect(expiring).toMatchObject({ state: 'due', dueReason: 'expiring' });
    expect(expiring.dueAt!).toBeLessThan(expiring.expiresAt!);
    // A long-lived token: the interval comes first.
    expect(at(1).status.dueAt).toBe(ISSUED + 90 * DAY);
  });

  it('flags a token expiring within 30 days whatever the interval', () => {
    const soon = facts({ expiresAt: ISSUED + 50 * DAY });
    for (const interval of ['off', 365, 90] as const) {
      expect(at(19, { interval, facts: soon }).status.expiringSoon).toBe(false);
      expect(at(21, { interval, facts: soon }).status).toMatchObject({
        state: 'due',
        dueReason: 'expiring',
        expiringSoon: true,
        menuLine: 'Token expires in 29 days - Rotate…',
      });
    }
    expect(at(49.5, { facts: soon }).status.menuLine).toBe('Token expires in 1 day - Rotate…');
  });

  it("counts down to Home Assistant's deletion date when it comes before the JWT's exp", () => {
    // A long-lived token with expiry switched on: HA deletes it 90 days after creation.
    const deleted = facts({ haExpireAt: ISSUED + 90 * DAY });
    expect(at(59, { interval: 'off', facts: deleted }).status.state).toBe('off');
    expect(at(61, { interval: 'off', facts: deleted }).status).toMatchObject({
      state: 'due',
      dueReason: 'expiring',
      expiresAt: ISSUED + 90 * DAY,
      menuLine: 'Token expires in 29 days - Rotate…',
    });
    expect(at(90, { facts: deleted }).status).toMatchObject({ dueReason: 'expired' });
    expect(at(10, { facts: deleted }).nextChangeAt).toBe(ISSUED + 60 * DAY);
  });

  it("keeps the JWT's exp when Home Assistant's deletion date is later or unknown", () => {
    const later = facts({ expiresAt: ISSUED + 50 * DAY, haExpireAt: ISSUED + 90 * DAY });
    expect(at(21, { facts: later }).status.expiresAt).toBe(ISSUED + 50 * DAY);
    expect(at(21).status).toMatchObject({ expiresAt: ISSUED + 3650 * DAY, state: 'scheduled' });
  });

  it('asks for a new token once the token has expired, even when snoozed', () => {
    const short = facts({ expiresAt: ISSUED + 10 * DAY });
    expect(
      at(11, { facts: short, memory: { snoozedUntil: ISSUED + 20 * DAY } }).status,
    ).toMatchObject({
      state: 'due',
      dueReason: 'expired',
      expired: true,
      expiringSoon: false,
      menuLine: 'Token has expired - Replace…',
    });
  });

  it('hides the badge and menu line while snoozed, but still shows the expiry flag', () => {
    const snoozed = at(97, { memory: { snoozedUntil: ISSUED + 98 * DAY } });
    expect(snoozed.status).toMatchObject({
      state: 'snoozed',
      attention: false,
      menuLine: null,
      snoozedUntil: ISSUED + 98 * DAY,
    });
    expect(snoozed.notify).toBe(false);
    expect(at(98, { memory: { snoozedUntil: ISSUED + 98 * DAY } }).status.state).toBe('due');

    const expiring = at(21, {
      facts: facts({ expiresAt: ISSUED + 50 * DAY }),
      memory: { snoozedUntil: ISSUED + 28 * DAY },
    });
    expect(expiring.status).toMatchObject({ state: 'snoozed', expiringSoon: true });
  });

  it('notifies when due, at most once a day', () => {
    expect(at(97).notify).toBe(true);
    expect(at(97, { memory: { lastNotifiedAt: ISSUED + 96.5 * DAY } }).notify).toBe(false);
    expect(at(97.5, { memory: { lastNotifiedAt: ISSUED + 96.5 * DAY } }).notify).toBe(true);
    expect(at(80).notify).toBe(false);
  });

  it('says when it next changes by itself', () => {
    expect(at(10).nextChangeAt).toBe(ISSUED + 90 * DAY);
    expect(at(97, { memory: { snoozedUntil: ISSUED + 98 * DAY } }).nextChangeAt).toBe(
      ISSUED + 98 * DAY,
    );
    expect(at(2, { facts: facts({ expiresAt: ISSUED + 35 * DAY }) }).nextChangeAt).toBe(
      ISSUED + 5 * DAY,
    );
    expect(at(10, { facts: facts({ expiresAt: ISSUED + 35 * DAY }) }).nextChangeAt).toBe(
      ISSUED + 35 * DAY,
    );
  });

  it('has nothing to say without a token', () => {
    expect(at(97, { facts: null })).toMatchObject({
      status: { state: 'no_token', attention: false },
      notify: false,
      nextChangeAt: null,
    });
  });

  it('forgets the snooze and the last notification when the token changes', () => {
    const memory = { tokenKey: reminderTokenKey(facts()), snoozedUntil: 5, lastNotifiedAt: 4 };
    expect(memoryForToken(facts(), memory)).toBe(memory);
    expect(memoryForToken(facts({ refreshTokenId: 'rt2' }), memory)).toEqual({
      tokenKey: 'iss:rt2',
      snoozedUntil: null,
      lastNotifiedAt: null,
    });
    expect(reminderTokenKey(facts({ refreshTokenId: null, savedAt: 7 }))).toBe('saved:7');
  });

  it('writes a notification from the status', () => {
    expect(reminderNotification(at(97).status)).toEqual({
      title: 'Time to rotate your Home Assistant token',
      body: 'Token is 97 days old. Rotate it with one click in Settings.',
    });
    expect(
      reminderNotification(at(21, { facts: facts({ expiresAt: ISSUED + 50 * DAY }) }).status).title,
    ).toBe('Your Home Assistant token expires soon');
  });
});
