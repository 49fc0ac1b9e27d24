/**
 * Wall-clock time in a time zone, through Intl, so quiet hours and "until tomorrow" follow the
 * user's clock across daylight-saving changes. `timeZone` undefined means the system's zone.
 */
export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(key, format);
  }
  return format;
}

export function wallTime(instant: number, timeZone?: string): WallTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** The wall time read as if it were UTC: differences between these are wall-clock differences. */
const asUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

/** The zone's offset from UTC at `instant`, in ms (whole minutes). */
function offsetAt(instant: number, timeZone: string | undefined): number {
  const minute = Math.floor(instant / 60_000) * 60_000;
  return asUtc(wallTime(minute, timeZone)) - minute;
}

const DAY_MS = 86_400_000;

/**
 * The instant the clocks in `timeZone` show `wall`. A time that happens twice (clocks going back)
 * gives the first; a time that never happens (clocks going forward) gives the moment as far after
 * the jump as it was meant to be after its start (02:30 on a 02:00 -> 03:00 night: 03:30), as
 * Temporal's "compatible" disambiguation does.
 */
export function instantOf(wall: WallTime, timeZone?: string): number {
  const utc = asUtc(wall);
  const offsets = new Set([offsetAt(utc - DAY_MS, timeZone), offsetAt(utc + DAY_MS, timeZone)]);
  const candidates = [...offsets].map((offset) => utc - offset);
  const exact = candidates.filter((t) => asUtc(wallTime(t, timeZone)) === utc);
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}

/** The calendar date `days` after the wall time's date, at `hour:minute`. */
export function shiftDate(wall: WallTime, days: number, hour: number, minute: number): WallTime {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour,
    minute,
  };
}
