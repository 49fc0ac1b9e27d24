import { describe, expect, it } from 'vitest';
import { instantOf, shiftDate, wallTime } from '../../../src/main/notify/local-time';

const BERLIN = 'Europe/Berlin';
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('wall time in a zone', () => {
  it('reads the clock in the zone, with its daylight-saving offset', () => {
    expect(wallTime(utc('2026-01-15T21:30:00'), BERLIN)).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 22,
      minute: 30,
    });
    expect(wallTime(utc('2026-07-15T21:30:00'), BERLIN)).toMatchObject({ hour: 23, minute: 30 });
    expect(wallTime(utc('2026-07-15T21:30:00'), 'Asia/Kolkata')).toMatchObject({
      day: 16,
      hour: 3,
      minute: 0,
    });
  });

  it('shows midnight as hour 0', () => {
    expect(wallTime(utc('2026-01-15T23:00:00'), BERLIN)).toMatchObject({ day: 16, hour: 0 });
  });
});

describe('the instant of a wall time', () => {
  it('inverts wallTime on ordinary days', () => {
    expect(instantOf({ year: 2026, month: 7, day: 1, hour: 7, minute: 0 }, BERLIN)).toBe(
      utc('2026-07-01T05:00:00'),
    );
    expect(instantOf({ year: 2026, month: 1, day: 1, hour: 7, minute: 0 }, BERLIN)).toBe(
      utc('2026-01-01T06:00:00'),
    );
  });

  it('moves a time that does not exist (clocks go forward) past the jump', () => {
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, BERLIN)).toBe(
      utc('2026-03-29T01:30:00'),
    );
  });

  it('takes the first of a time that happens twice (clocks go back)', () => {
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, BERLIN)).toBe(
      utc('2026-10-25T00:30:00'),
    );
  });
});

describe('shifting a date', () => {
  it('rolls over months and years', () => {
    const newYearsEve = { year: 2025, month: 12, day: 31, hour: 23, minute: 0 };
    expect(shiftDate(newYearsEve, 1, 7, 15)).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 7,
      minute: 15,
    });
  });
});
