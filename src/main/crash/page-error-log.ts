import type { PageError } from '../../shared/page-error';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';

/** Reports logged per window; a page that throws in a loop must not fill the disk. */
export const PAGE_ERRORS_PER_WINDOW = 10;
export const PAGE_ERROR_WINDOW_MS = 60_000;

/**
 * Writes the errors pages report into main's log (redacted like every line), at most
 * `PAGE_ERRORS_PER_WINDOW` a minute; the ones dropped are counted in the next line that is
 * written.
 */
export function createPageErrorLog(deps: {
  logger: Pick<Logger, 'error'>;
  clock: Pick<Clock, 'now'>;
}) {
  let windowStart = -Infinity;
  let logged = 0;
  let dropped = 0;
  return {
    report(error: PageError): void {
      const now = deps.clock.now();
      if (now - windowStart >= PAGE_ERROR_WINDOW_MS) {
        windowStart = now;
        logged = 0;
      }
      if (logged >= PAGE_ERRORS_PER_WINDOW) {
        dropped++;
        return;
      }
      logged++;
      const also = dropped > 0 ? ` (${dropped} more reports were dropped before this one)` : '';
      dropped = 0;
      const stack = error.stack ? `\n  ${error.stack.split('\n').join('\n  ')}` : '';
      deps.logger.error(
        `The ${error.page} page: ${describeKind(error.kind)}${also}: ${error.message}${stack}`,
      );
    },
  };
}

function describeKind(kind: PageError['kind']): string {
  switch (kind) {
    case 'error':
      return 'uncaught error';
    case 'rejection':
      return 'unhandled rejection';
    case 'render':
      return 'a view failed to draw';
  }
}

export type PageErrorLog = ReturnType<typeof createPageErrorLog>;
