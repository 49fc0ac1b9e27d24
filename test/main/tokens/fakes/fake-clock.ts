import type { Clock } from '../../../../src/main/ha/clock';

interface Timer {
  at: number;
  fn: () => void;
  id: number;
}

/** A clock whose time moves only when told; `sleep` moves it without running timers. */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(public time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.time + ms, fn, id: this.nextId++ };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Time passes while awake: timers fire in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = end;
  }

  /** The computer sleeps: the wall clock jumps, and paused timers have not fired. */
  sleep(ms: number): void {
    this.time += ms;
    this.timers = this.timers.map((t) => ({ ...t, at: t.at + ms }));
  }
}
