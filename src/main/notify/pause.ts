import type { QuietHours } from '../../shared/notification-rules';
import { instantOf, shiftDate, wallTime } from './local-time';
import { clockTime } from './quiet-hours';

export const ONE_HOUR_MS = 3_600_000;

/** When "until tomorrow" ends if quiet hours do not say when the morning starts. */
export const DEFAULT_MORNING = '07:00';

/**
 * Until this hour the night still belongs to the day before: "until tomorrow" at 01:00 means
 * this morning, not the morning after.
 */
const DAY_STARTS_AT_HOUR = 4;

export function pauseForAnHour(now: number): number {
  return now + ONE_HOUR_MS;
}

/**
 * "Pause until tomorrow" lasts until the next morning, not midnight (a pause at 23:00 should not
 * end an hour later): the end of the quiet hours when they are on, else 07:00, on the day after
 * today, where a day starts at 04:00.
 */
export function pauseUntilTomorrow(now: number, quiet: QuietHours, timeZone?: string): number {
  const morning = clockTime(quiet.enabled ? quiet.end : DEFAULT_MORNING);
  const today = wallTime(now - DAY_STARTS_AT_HOUR * ONE_HOUR_MS, timeZone);
  for (let days = 1; ; days++) {
    const until = instantOf(shiftDate(today, days, morning.hour, morning.minute), timeZone);
    if (until > now) return until;
  }
}

export function isPaused(pausedUntil: number | null, now: number): boolean {
  return pausedUntil !== null && now < pausedUntil;
}
