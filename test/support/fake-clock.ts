import type { Clock } from '../../src/main/ha/clock';

interface Timer {
  at: number;
  fn: () => void;
  id: number;
}

/** Lets promises that timers started settle before the clock moves on (real I/O is not waited for). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The one fake clock of the tests: time moves only when told, timers run in deadline order as
 * `advance` passes them, and `sleep` moves the wall clock as a sleeping computer does.
 */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(public time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.time + Math.max(0, ms), fn, id: this.nextId++ };
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
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) this.fire(next);
    this.time = end;
  }

  /** As `advance`, for code that awaits between timers: lets each timer's promises settle. */
  async advanceAsync(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      this.fire(next);
      await settle();
    }
    this.time = end;
  }

  /** The computer sleeps: the wall clock jumps, and paused timers have not fired. */
  sleep(ms: number): void {
    this.time += ms;
    this.timers = this.timers.map((t) => ({ ...t, at: t.at + ms }));
  }

  private nextDue(end: number): Timer | undefined {
    return this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.time = Math.max(this.time, timer.at);
    timer.fn();
  }
}
