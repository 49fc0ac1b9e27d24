export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Capped at 5 s because home-assistant-js-websocket waits `min(tries, 5)` seconds between its own
 * attempts (dist/connection.js, `reconnect`): a dead server is not hammered, and the app is never
 * slower to come back than Home Assistant's own client.
 */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5_000 };

/**
 * Delay before attempt `attempt` (1-based): exponential, capped, with jitter between half and all
 * of it, so that many clients do not hit a restarting Home Assistant in step.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

export interface RetryPolicy {
  /** While an outage of a Home Assistant on the local network is young: look this often (jittered). */
  quick: { minMs: number; maxMs: number };
  /**
   * How long an outage counts as young: a restart or an update (a few seconds to 5 minutes, with
   * room to spare), not a server that is gone.
   */
  quickForMs: number;
  /** After that, and for remote addresses (Nabu Casa, proxies) from the start. */
  backoff: BackoffOptions;
}

/**
 * Home Assistant restarts with every update and is back within seconds to a few minutes; looking
 * every 250-500 ms for the first 10 minutes costs it one refused TCP connection or one WebSocket greeting each time, so the
 * app is back within about half a second of it. Longer outages and remote servers get the backoff.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  quick: { minMs: 250, maxMs: 500 },
  quickForMs: 10 * 60_000,
  backoff: DEFAULT_BACKOFF,
};

export interface RetryMoment {
  /** 1-based, counted from the start of the outage. */
  attempt: number;
  /** How long the server has been unreachable so far. */
  outageMs: number;
  /** A Home Assistant on this computer or the local network (not Nabu Casa, not a proxy). */
  local: boolean;
}

/** Whether the next look at the server comes quickly, and how long to wait for it. */
export function retryDelay(
  { attempt, outageMs, local }: RetryMoment,
  policy: RetryPolicy,
  random: () => number = Math.random,
): { delayMs: number; quick: boolean } {
  if (local && outageMs < policy.quickForMs) {
    const { minMs, maxMs } = policy.quick;
    return { delayMs: Math.round(minMs + random() * (maxMs - minMs)), quick: true };
  }
  return { delayMs: backoffDelay(attempt, policy.backoff, random), quick: false };
}
