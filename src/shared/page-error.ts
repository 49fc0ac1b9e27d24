import { z } from 'zod';

/** A page's report may carry this much: enough for a message and the top of a stack. */
export const PAGE_ERROR_MESSAGE_MAX = 1_000;
export const PAGE_ERROR_STACK_MAX = 4_000;

/** An error a page could not handle, sent to main's log (src/main/crash/page-error-log.ts). */
export const pageErrorSchema = z
  .object({
    page: z.enum(['panel', 'settings', 'error']),
    /** An uncaught error, an unhandled rejection, or a render error an error boundary caught. */
    kind: z.enum(['error', 'rejection', 'render']),
    message: z.string().max(PAGE_ERROR_MESSAGE_MAX),
    stack: z.string().max(PAGE_ERROR_STACK_MAX).optional(),
  })
  .strict();
export type PageError = z.infer<typeof pageErrorSchema>;

/** The report of `error` as the schema takes it: cut to size, never refused for its length. */
export function pageErrorReport(
  page: PageError['page'],
  kind: PageError['kind'],
  error: unknown,
): PageError {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    page,
    kind,
    message: message.slice(0, PAGE_ERROR_MESSAGE_MAX),
    ...(stack ? { stack: stack.slice(0, PAGE_ERROR_STACK_MAX) } : {}),
  };
}
