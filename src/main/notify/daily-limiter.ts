import { DAY_MS } from '../token-lifecycle/days';

/** Where the limiter keeps the last time each kind was shown (a file, for limits across restarts). */
export interface LimiterMemory {
  lastShownAt(kind: string): number | null;
  recordShown(kind: string, at: number): void;
}

export function memoryLimiterMemory(): LimiterMemory {
  const shown = new Map<string, number>();
  return {
    lastShownAt: (kind) => shown.get(kind) ?? null,
    recordShown: (kind, at) => void shown.set(kind, at),
  };
}

/**
 * At most one notification of a kind per day (a rolling 24 hours, as the token reminder counts).
 * Asking and recording are separate, so a notification that quiet hours held back does not use
 * up the day's one.
 */
export class DailyLimiter {
  constructor(
    private readonly memory: LimiterMemory = memoryLimiterMemory(),
    private readonly periodMs: number = DAY_MS,
  ) {}

  mayShow(kind: string, now: number): boolean {
    const last = this.memory.lastShownAt(kind);
    // `now < last`: the clock was set back; a limit measured from the future would never end.
    return last === null || now - last >= this.periodMs || now < last;
  }

  recordShown(kind: string, now: number): void {
    this.memory.recordShown(kind, now);
  }
}
