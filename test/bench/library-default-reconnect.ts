/**
 * When home-assistant-js-websocket's own loop reconnects after an outage of `outageMs`: its
 * `reconnect(tries)` tries at once, then after `min(tries, 5)` seconds each time
 * (dist/connection.js), so attempts come at 0, 1, 3, 6, 10, 15, 20, 25... s after the drop. Each
 * failed attempt takes `attemptMs` (a refused connection). Returns the delay after the server is
 * back, plus `connectMs` for the attempt that succeeds.
 */
export function libraryDefaultReconnectDelay(
  outageMs: number,
  attemptMs: number,
  connectMs: number,
): number {
  let at = 0;
  for (let tries = 0; at < outageMs; tries++) at += attemptMs + Math.min(tries + 1, 5) * 1000;
  return at - outageMs + connectMs;
}
