import type { Clock } from './ha/clock';

/**
 * Runs a job at most once per interval, leading edge first: the first request after a quiet
 * spell runs at once (a favourite's change shows without waiting), later requests inside the
 * interval become one run at its end (a burst costs one rebuild, one page event).
 */
export class LeadingThrottle {
  private lastRun = -Infinity;
  private timer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly job: () => void,
  ) {}

  request(): void {
    if (this.timer !== null) return;
    const wait = this.lastRun + this.intervalMs - this.clock.now();
    if (wait <= 0) return this.run();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.lastRun = this.clock.now();
    this.job();
  }
}
