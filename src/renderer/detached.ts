/**
 * Starts work an event handler does not wait for (a bridge call, a reload) and reports its
 * rejection on the page's console as "`what` failed", instead of a bare `void` that hides where it
 * came from. Replies that carry an error (`{ ok: false }`) are shown by the page itself.
 */
export function runDetached(task: Promise<unknown>, what: string): void {
  task.catch((error: unknown) => console.error(`${what} failed`, error));
}
