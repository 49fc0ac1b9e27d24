import { pageErrorReport, type PageError } from '../shared/page-error';
import { bridge } from './bridge';
import { runDetached } from './detached';

/** Sends an error the page could not handle to main's log (capped and rate-limited there). */
export function reportPageError(
  page: PageError['page'],
  kind: PageError['kind'],
  error: unknown,
): void {
  runDetached(bridge().reportPageError(pageErrorReport(page, kind, error)), 'Reporting an error');
}

/** Uncaught errors and unhandled rejections of `page` go to main's log, as well as the console. */
export function reportUncaughtErrors(page: PageError['page']): void {
  window.addEventListener('error', (event) =>
    reportPageError(page, 'error', event.error ?? event.message),
  );
  window.addEventListener('unhandledrejection', (event) =>
    reportPageError(page, 'rejection', event.reason),
  );
}
