import type { Logger } from './log/logger';

/**
 * Starts work nobody waits for (an event handler, a refresh after reconnecting) and logs its
 * rejection as "`what` failed", instead of a bare `void` that turns it into an unhandled rejection.
 */
export function runDetached(
  task: Promise<unknown>,
  logger: Pick<Logger, 'warn'>,
  what: string,
): void {
  task.catch((error: unknown) => logger.warn(`${what} failed`, error));
}
