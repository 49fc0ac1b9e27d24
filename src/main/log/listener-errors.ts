import type { Logger } from './logger';

/**
 * An emitter's error handler that logs a listener's error and lets the app carry on: one
 * subscriber's bug (the tray, a page, the reminder) must not stop the others hearing `event`.
 */
export function logListenerError(
  logger: Pick<Logger, 'error'>,
  event: string,
): (error: unknown) => void {
  return (error) => logger.error(`A listener of ${event} failed`, error);
}
