import { afterEach, describe, expect, it } from 'vitest';
import type { ReminderMemory } from '../../../src/main/token-lifecycle/reminder-policy';
import { EMPTY_MEMORY } from '../../../src/main/token-lifecycle/reminder-policy';
import type { ReminderMemoryStore } from '../../../src/main/token-lifecycle/reminder-memory-store';
import { ReminderScheduler } from '../../../src/main/token-lifecycle/reminder-scheduler';
import type { TokenFacts } from '../../../src/main/token-lifecycle/token-facts';
import type { ReminderStatus, RotationInterval } from '../../../src/shared/token-status';
import { FakeClock } from '../../support/fake-clock';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ISSUED = Date.UTC(2025, 0, 1);

const facts = (over: Partial<TokenFacts> = {}): TokenFacts => ({
  refreshTokenId: 'rt1',
  issuedAt: ISSUED,
  expiresAt: ISSUED + 3650 * DAY,
  haExpireAt: null,
  savedAt: ISSUED,
  name: 'HA Tray',
  createdAt: ISSUED,
  ...over,
});

class MemoryStore implements ReminderMemoryStore {
  saved: ReminderMemory = EMPTY_MEMORY;
  async read() {
    return this.saved;
  }
  async write(memory: ReminderMemory) {
    this.saved = memory;
  }
}

class FakePower {
  private listeners = new Set<() => void>();
  onResume(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  resume() {
    for (const listener of this.listeners) listener();
  }
  count() {
    return this.listeners.size;
  }
}

const reminders: ReminderScheduler[] = [];
afterEach(() => {
  for (const r of reminders.splice(0)) r.dispose();
});

async function setup(options: {
  day: number;
  interval?: RotationInterval;
  facts?: TokenFacts;
  memory?: MemoryStore;
  power?: FakePower;
  /** Whether a notification gets through (false: quiet hours or a pause held it back). */
  delivers?: () => boolean;
  /** Start before the token facts are known, as the app did before they were loaded first. */
  factsLater?: boolean;
}) {
  const clock = new FakeClock(ISSUED + options.day * DAY);
  const power = options.power ?? new FakePower();
  const memory = options.memory ?? new MemoryStore();
  const notified: ReminderStatus[] = [];
  const reminder = new ReminderScheduler({
    clock,
    power,
    memory,
    notify: (status) => {
      const delivered = options.delivers?.() ?? true;
      if (delivered) notified.push(status);
      return delivered;
    },
    interval: options.interval ?? 90,
  });
  reminders.push(reminder);
  if (options.factsLater) {
    await reminder.start();
    await reminder.flush();
  }
  reminder.setToken(options.facts ?? facts());
  if (!options.factsLater) await reminder.start();
  return { clock, power, memory, notified, reminder };
}

describe('rotation reminder over time', () => {
  it('becomes due when the interval passes while awake, and notifies at most once a day', async () => {
    const { clock, notified, reminder } = await setup({ day: 89.5 });
    expect(reminder.status().state).toBe('scheduled');
    expect(notified).toHaveLength(0);

    clock.advance(12 * HOUR);
    expect(reminder.status()).toMatchObject({
      state: 'due',
      attention: true,
      menuLine: 'Token is 90 days old - Rotate…',
    });
    expect(notified).toHaveLength(1);

    clock.advance(23 * HOUR);
    expect(notified).toHaveLength(1);
    clock.advance(2 * HOUR);
    expect(notified).toHaveLength(2);
  });

  it('tells listeners when the status changes, not on every look', async () => {
    const { clock, reminder } = await setup({ day: 89.9 });
    const seen: ReminderStatus[] = [];
    reminder.onChange((s) => seen.push(s));
    clock.advance(HOUR);
    expect(seen).toEqual([]);
    clock.advance(3 * HOUR);
    expect(seen.map((s) => s.state)).toEqual(['due']);
  });

  it('snoozed for a day: no badge and no notification until the day has passed', async () => {
    const { clock, notified, reminder } = await setup({ day: 97 });
    expect(notified).toHaveLength(1);
    reminder.snooze('day');
    expect(reminder.status()).toMatchObject({ state: 'snoozed', attention: false, menuLine: null });

    clock.advance(23 * HOUR);
    expect(reminder.status().state).toBe('snoozed');
    expect(notified).toHaveLength(1);

    clock.advance(2 * HOUR);
    expect(reminder.status().state).toBe('due');
    expect(notified).toHaveLength(2);
  });

  it('snoozed for a week: quiet for seven days', async () => {
    const { clock, notified, reminder } = await setup({ day: 97 });
    reminder.snooze('week');
    clock.advance(6.9 * DAY);
    expect(reminder.status().state).toBe('snoozed');
    expect(notified).toHaveLength(1);
    clock.advance(0.2 * DAY);
    expect(reminder.status()).toMatchObject({ state: 'due', ageDays: 104 });
    expect(notified).toHaveLength(2);
  });

  it('flags a token expiring within 30 days even with the reminder off', async () => {
    const { clock, notified, reminder } = await setup({
      day: 60,
      interval: 'off',
      facts: facts({ expiresAt: ISSUED + 100 * DAY }),
    });
    expect(reminder.status().state).toBe('off');
    clock.advance(10.5 * DAY);
    expect(reminder.status()).toMatchObject({
      state: 'due',
      dueReason: 'expiring',
      expiringSoon: true,
    });
    expect(notified).toHaveLength(1);
  });

  it('fires on wake when the due date passed while the computer slept', async () => {
    const { clock, power, notified, reminder } = await setup({ day: 89 });
    clock.sleep(3 * DAY);
    expect(notified).toHaveLength(0);
    power.resume();
    expect(reminder.status()).toMatchObject({ state: 'due', ageDays: 92 });
    expect(notified).toHaveLength(1);
  });

  it('keeps the snooze and the last notification across a restart', async () => {
    const memory = new MemoryStore();
    const first = await setup({ day: 97, memory });
    expect(first.notified).toHaveLength(1);
    first.reminder.dispose();
    await first.reminder.flush();

    const restarted = await setup({ day: 97.5, memory });
    expect(restarted.reminder.status().attention).toBe(true);
    expect(restarted.notified).toHaveLength(0);
    restarted.reminder.snooze('week');
    restarted.reminder.dispose();
    await restarted.reminder.flush();

    const again = await setup({ day: 100, memory });
    expect(again.reminder.status().state).toBe('snoozed');
    expect(again.notified).toHaveLength(0);
  });

  it('started before the token facts are known: waits for them and keeps the snooze', async () => {
    const memory = new MemoryStore();
    memory.saved = { tokenKey: 'iss:rt1', snoozedUntil: ISSUED + 100 * DAY, lastNotifiedAt: null };
    const { reminder, notified } = await setup({ day: 97, memory, factsLater: true });
    expect(reminder.status()).toMatchObject({ state: 'snoozed', attention: false });
    expect(notified).toHaveLength(0);
    expect(memory.saved.snoozedUntil).toBe(ISSUED + 100 * DAY);
  });

  it('a reminder held back by quiet hours or a pause is not counted as sent', async () => {
    let open = false;
    const memory = new MemoryStore();
    const { clock, notified, reminder } = await setup({ day: 97, memory, delivers: () => open });
    await reminder.flush();
    expect(notified).toHaveLength(0);
    expect(memory.saved.lastNotifiedAt).toBeNull();
    open = true;
    clock.advance(15 * 60_000);
    expect(notified).toHaveLength(1);
    await reminder.flush();
    expect(memory.saved.lastNotifiedAt).toBe(clock.now());
  });

  it('a locked keyring (no facts for now) keeps the memory of the token', async () => {
    const memory = new MemoryStore();
    const { reminder } = await setup({ day: 97, memory });
    reminder.snooze('week');
    reminder.setToken(null);
    reminder.setToken(facts());
    await reminder.flush();
    expect(reminder.status().state).toBe('snoozed');
    expect(memory.saved.snoozedUntil).not.toBeNull();
  });

  it('starts afresh for a new token (after a rotation)', async () => {
    const { clock, notified, reminder } = await setup({ day: 97 });
    reminder.snooze('week');
    reminder.setToken(facts({ refreshTokenId: 'rt2', issuedAt: clock.now() }));
    expect(reminder.status()).toMatchObject({ state: 'scheduled', ageDays: 0, snoozedUntil: null });
    clock.advance(90 * DAY);
    expect(reminder.status().state).toBe('due');
    expect(notified).toHaveLength(2);
  });

  it('looks again when the interval changes', async () => {
    const { reminder } = await setup({ day: 40 });
    expect(reminder.status().state).toBe('scheduled');
    reminder.setRotationInterval(30);
    expect(reminder.status()).toMatchObject({
      state: 'due',
      menuLine: 'Token is 40 days old - Rotate…',
    });
  });

  it('has nothing due without a token', async () => {
    const { reminder, notified } = await setup({ day: 400 });
    reminder.setToken(null);
    expect(reminder.status()).toMatchObject({ state: 'no_token', attention: false });
    expect(notified).toHaveLength(1);
  });

  it('stops its timer and its resume listener when disposed', async () => {
    const { clock, power, reminder } = await setup({ day: 10 });
    expect(clock.pendingTimers()).toBe(1);
    expect(power.count()).toBe(1);
    reminder.dispose();
    expect(clock.pendingTimers()).toBe(0);
    expect(power.count()).toBe(0);
  });
});
