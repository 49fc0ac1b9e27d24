/**
 * Home Assistant keeps datetimes with microseconds. The simulator keeps them as epoch microseconds
 * from a clock that never repeats a value, so two writes in the same millisecond still get
 * different `last_updated` values, as they would in Home Assistant.
 */
export type Micros = number;

export class MicroClock {
  private last: Micros = 0;

  constructor(private readonly nowMs: () => number = Date.now) {}

  now(): Micros {
    this.last = Math.max(Math.round(this.nowMs() * 1000), this.last + 1);
    return this.last;
  }
}

/** Python's `datetime.isoformat()` for a UTC time: six fraction digits unless they are all zero. */
export function haTime(micros: Micros): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros - seconds * 1_000_000;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return fraction === 0 ? `${base}+00:00` : `${base}.${String(fraction).padStart(6, '0')}+00:00`;
}

/** `datetime.timestamp()`: float seconds, as the compressed states carry them. */
export const epochSeconds = (micros: Micros): number => micros / 1_000_000;

/** `haTime` of a JavaScript date (millisecond precision). */
export const haTimeOf = (date: Date): string => haTime(date.getTime() * 1000);
