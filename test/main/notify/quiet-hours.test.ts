import { describe, expect, it } from 'vitest';
import { isQuietTime } from '../../../src/main/notify/quiet-hours';
import type { QuietHours } from '../../../src/shared/notification-rules';

const BERLIN = 'Europe/Berlin';
const utc = (iso: string) => Date.parse(`${iso}Z`);
const night: QuietHours = { enabled: true, start: '22:00', end: '07:00' };

describe('quiet hours', () => {
  it('cover the night across midnight, start inclusive and end exclusive', () => {
    // 15 January: Berlin is UTC+1.
    expect(isQuietTime(night, utc('2026-01-15T20:59:00'), BERLIN)).toBe(false);
    expect(isQuietTime(night, utc('2026-01-15T21:00:00'), BERLIN)).toBe(true);
    expect(isQuietTime(night, utc('2026-01-15T23:30:00'), BERLIN)).toBe(true);
    expect(isQuietTime(night, utc('2026-01-16T05:59:00'), BERLIN)).toBe(true);
    expect(isQuietTime(night, utc('2026-01-16T06:00:00'), BERLIN)).toBe(false);
  });

  it('cover a span within one day', () => {
    const afternoon: QuietHours = { enabled: true, start: '13:00', end: '15:00' };
    expect(isQuietTime(afternoon, utc('2026-01-15T11:59:00'), BERLIN)).toBe(false);
    expect(isQuietTime(afternoon, utc('2026-01-15T12:00:00'), BERLIN)).toBe(true);
    expect(isQuietTime(afternoon, utc('2026-01-15T14:00:00'), BERLIN)).toBe(false);
  });

  it('do nothing when switched off', () => {
    expect(isQuietTime({ ...night, enabled: false }, utc('2026-01-15T23:00:00'), BERLIN)).toBe(
      false,
    );
  });

  it('end at 07:00 on the local clock on the night the clocks go forward', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 07:00 CEST is 05:00 UTC, not 06:00.
    expect(isQuietTime(night, utc('2026-03-29T04:59:00'), BERLIN)).toBe(true);
    expect(isQuietTime(night, utc('2026-03-29T05:00:00'), BERLIN)).toBe(false);
    expect(isQuietTime(night, utc('2026-03-29T05:30:00'), BERLIN)).toBe(false);
  });

  it('end at 07:00 on the local clock on the night the clocks go back', () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET; 07:00 CET is 06:00 UTC, not 05:00.
    expect(isQuietTime(night, utc('2026-10-24T20:00:00'), BERLIN)).toBe(true);
    expect(isQuietTime(night, utc('2026-10-25T05:30:00'), BERLIN)).toBe(true);
    expect(isQuietTime(night, utc('2026-10-25T06:00:00'), BERLIN)).toBe(false);
  });

  it('handle a start inside the hour that the clocks skip', () => {
    const skipped: QuietHours = { enabled: true, start: '02:30', end: '03:30' };
    // 01:59 CET, then straight to 03:00 CEST.
    expect(isQuietTime(skipped, utc('2026-03-29T00:59:00'), BERLIN)).toBe(false);
    expect(isQuietTime(skipped, utc('2026-03-29T01:00:00'), BERLIN)).toBe(true);
    expect(isQuietTime(skipped, utc('2026-03-29T01:30:00'), BERLIN)).toBe(false);
  });
});
