import type { Clock } from './clock';

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

/**
 * The looks for Home Assistant during one outage, on `retryDelay`: the attempt count, when the
 * outage began, and the one timer waiting for the next look.
 */
export class RetrySchedule {
  private attempt = 0;
  /** When the server stopped answering; null while connected. */
  private outageSince: number | null = null;
  private timer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly policy: RetryPolicy,
    private readonly random: () => number,
  ) {}

  /** The number of the last look planned (0 before the first). */
  get attempts(): number {
    return this.attempt;
  }

  /**
   * No look waiting, and the next one is the first: with `outageSince` null when connected or
   * starting afresh, now when the network may just have changed (look quickly again), and the
   * outage's own start for "Reconnect now".
   */
  startOver(outageSince: number | null = this.outageSince): void {
    this.cancel();
    this.attempt = 0;
    this.outageSince = outageSince;
  }

  /** Plans the next look: `look` runs after the delay, unless cancelled first. */
  next(local: boolean, look: () => void): { attempt: number; nextRetryAt: number; quick: boolean } {
    const now = this.clock.now();
    this.outageSince ??= now;
    this.attempt++;
    const moment = { attempt: this.attempt, outageMs: now - this.outageSince, local };
    const { delayMs, quick } = retryDelay(moment, this.policy, this.random);
    this.cancel();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      look();
    }, delayMs);
    return { attempt: this.attempt, nextRetryAt: now + delayMs, quick };
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
