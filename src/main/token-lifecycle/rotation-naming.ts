import type { RotationInterval } from '../../shared/token-status';

const pad = (n: number) => String(n).padStart(2, '0');

/** "HA Tray on <hostname> <YYYY-MM-DD HH:MM>" in local time: says in HA's token list where a token went. */
export function rotationClientName(hostname: string, at: Date): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return `HA Tray on ${hostname.trim() || 'this computer'} ${date} ${time}`;
}

/**
 * Home Assistant refuses a second long-lived token with the same client_name, and two rotations
 * can fall in the same minute: add " (2)", " (3)"... to a name that is taken.
 */
export function uniqueClientName(name: string, taken: Iterable<string | null>): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  let n = 2;
  while (names.has(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

/** Lifespan of a token created by a rotation when the reminder is off. */
export const LIFESPAN_WHEN_OFF_DAYS = 365;

/**
 * A rotated token lives twice the interval: it is due for rotation halfway through its life, so a
 * snoozed reminder or a holiday does not leave the app with an expired token, and it still expires
 * on its own long before Home Assistant's ten-year default if the app is uninstalled. With the
 * reminder off it lives a year (the expiry warning 30 days before still shows).
 */
export function tokenLifespanDays(interval: RotationInterval): number {
  return interval === 'off' ? LIFESPAN_WHEN_OFF_DAYS : interval * 2;
}
