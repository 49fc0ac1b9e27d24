import type { QuietHours } from '../../shared/notification-rules';
import { wallTime } from './local-time';

/** "22:30" -> { hour: 22, minute: 30 } (the schema guarantees the shape). */
export function clockTime(time: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { hour, minute };
}

const minuteOfDay = (time: string) => {
  const { hour, minute } = clockTime(time);
  return hour * 60 + minute;
};

/**
 * Whether `instant` falls in the quiet hours, read on the local wall clock: start inclusive, end
 * exclusive; a start after the end crosses midnight (22:00-07:00). Reading the wall clock for each
 * instant keeps it right on daylight-saving days, when the night is an hour shorter or longer.
 */
export function isQuietTime(quiet: QuietHours, instant: number, timeZone?: string): boolean {
  if (!quiet.enabled) return false;
  const local = wallTime(instant, timeZone);
  const now = local.hour * 60 + local.minute;
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}
