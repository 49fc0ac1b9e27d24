import { describe, expect, it } from 'vitest';
import { isPaused, pauseForAnHour, pauseUntilTomorrow } from '../../../src/main/notify/pause';
import type { QuietHours } from '../../../src/shared/notification-rules';

const BERLIN = 'Europe/Berlin';
const utc = (iso: string) => Date.parse(`${iso}Z`);
const night: QuietHours = { enabled: true, start: '22:00', end: '07:00' };

describe('pause', () => {
  it('for an hour ends an hour later', () => {
    const now = utc('2026-01-15T12:00:00');
    expect(pauseForAnHour(now)).toBe(utc('2026-01-15T13:00:00'));
  });

  it('until tomorrow ends the next morning when the quiet hours end', () => {
    // 23:00 and 10:00 local on 15 January: both until 07:00 on the 16th (06:00 UTC).
    expect(pauseUntilTomorrow(utc('2026-01-15T22:00:00'), night, BERLIN)).toBe(
      utc('2026-01-16T06:00:00'),
    );
    expect(pauseUntilTomorrow(utc('2026-01-15T09:00:00'), night, BERLIN)).toBe(
      utc('2026-01-16T06:00:00'),
    );
  });

  it('after midnight but before 04:00, "tomorrow" is this morning', () => {
    expect(pauseUntilTomorrow(utc('2026-01-16T00:30:00'), night, BERLIN)).toBe(
      utc('2026-01-16T06:00:00'),
    );
    expect(pauseUntilTomorrow(utc('2026-01-16T03:30:00'), night, BERLIN)).toBe(
      utc('2026-01-17T06:00:00'),
    );
  });

  it('uses 07:00 without quiet hours, and the quiet hours’ end with them', () => {
    const off = { ...night, enabled: false, end: '09:00' };
    expect(pauseUntilTomorrow(utc('2026-01-15T12:00:00'), off, BERLIN)).toBe(
      utc('2026-01-16T06:00:00'),
    );
    const late = { ...night, end: '08:30' };
    expect(pauseUntilTomorrow(utc('2026-01-15T12:00:00'), late, BERLIN)).toBe(
      utc('2026-01-16T07:30:00'),
    );
  });

  it('until tomorrow follows the local clock across the night the clocks go forward', () => {
    // 22:00 CET on 28 March -> 07:00 CEST on the 29th: 7 hours, not 9.
    expect(pauseUntilTomorrow(utc('2026-03-28T21:00:00'), night, BERLIN)).toBe(
      utc('2026-03-29T05:00:00'),
    );
  });

  it('never ends in the past when the morning comes before 04:00', () => {
    const early = { ...night, start: '20:00', end: '02:00' };
    // 03:00 local on the 16th: this day's 02:00 is gone, so 02:00 on the 17th.
    expect(pauseUntilTomorrow(utc('2026-01-16T02:00:00'), early, BERLIN)).toBe(
      utc('2026-01-17T01:00:00'),
    );
  });

  it('is in force until its end', () => {
    const until = utc('2026-01-15T13:00:00');
    expect(isPaused(until, until - 1)).toBe(true);
    expect(isPaused(until, until)).toBe(false);
    expect(isPaused(null, until)).toBe(false);
  });
});
