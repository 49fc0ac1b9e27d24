/** Starts this close together count as a crash loop. */
export const CRASH_LOOP_WINDOW_MS = 2 * 60_000;
/** The start that makes this many within the window is a crash loop's. */
export const CRASH_LOOP_STARTS = 3;

/** What the user reads (Connection page, tray tooltip) when the guard held the connection back. */
export const CRASH_LOOP_NOTICE =
  'HA Tray closed unexpectedly 3 times within two minutes, so it started without connecting to ' +
  'Home Assistant. Save the connection to connect again; the log file (Settings, About) says ' +
  'what went wrong.';

/** The crashes still inside the window at `now`, oldest first. */
export function recentCrashes(crashes: readonly number[], now: number): number[] {
  return crashes.filter((at) => at <= now && now - at < CRASH_LOOP_WINDOW_MS).toSorted();
}

/**
 * True when this start follows two crashes within two minutes: the third start in a row that
 * would crash again (most likely on what Home Assistant sends) starts without connecting.
 */
export function inCrashLoop(crashes: readonly number[], now: number): boolean {
  return recentCrashes(crashes, now).length >= CRASH_LOOP_STARTS - 1;
}

/**
 * After an uncaught exception in main: the app relaunches once, unless this run is already the
 * guard's (then it quits, and the next start the user makes is a fresh one).
 */
export function afterFatalError(heldBackByGuard: boolean): 'relaunch' | 'exit' {
  return heldBackByGuard ? 'exit' : 'relaunch';
}

/**
 * A page whose renderer process died: reloaded once; if it dies again, the static error page
 * (a page that crashes on load would otherwise crash-loop in its window).
 */
export function afterPageGone(earlierCrashes: number): 'reload' | 'error-page' {
  return earlierCrashes === 0 ? 'reload' : 'error-page';
}
