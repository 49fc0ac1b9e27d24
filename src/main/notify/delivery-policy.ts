import type { QuietHours } from '../../shared/notification-rules';
import type { NotificationKind } from './notification-sink';
import { isPaused } from './pause';
import { isQuietTime } from './quiet-hours';

export interface DeliveryContext {
  now: number;
  /** Epoch ms until which notifications are paused, or null. */
  pausedUntil: number | null;
  quietHours: QuietHours;
  /** undefined: the system's time zone. */
  timeZone?: string;
}

export type DeliveryDecision =
  { deliver: true } | { deliver: false; reason: 'paused' | 'quiet_hours' };

/**
 * Whether a notification is shown now. Held-back notifications are dropped, not queued: a door
 * that opened at 03:00 is old news at 07:00, and a burst at the end of quiet hours is the storm
 * this app avoids. Only the test notification the user asked for ignores pause and quiet hours.
 */
export function decideDelivery(kind: NotificationKind, context: DeliveryContext): DeliveryDecision {
  if (kind === 'test') return { deliver: true };
  if (isPaused(context.pausedUntil, context.now)) return { deliver: false, reason: 'paused' };
  if (isQuietTime(context.quietHours, context.now, context.timeZone))
    return { deliver: false, reason: 'quiet_hours' };
  return { deliver: true };
}
