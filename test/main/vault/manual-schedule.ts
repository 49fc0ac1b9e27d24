import type { Schedule } from '../../../src/main/vault/token-vault';

/** A Schedule whose timers fire only when the test says so; it records every delay asked for. */
export function manualSchedule() {
  const timers: { callback: () => Promise<void>; delayMs: number; live: boolean }[] = [];
  const schedule: Schedule = (callback, delayMs) => {
    const timer = { callback, delayMs, live: true };
    timers.push(timer);
    return () => {
      timer.live = false;
    };
  };
  return {
    schedule,
    delays: () => timers.map((t) => t.delayMs),
    waiting: () => timers.filter((t) => t.live).length,
    /** Fires the waiting timer and waits for what it started. */
    async fire(): Promise<void> {
      const timer = timers.find((t) => t.live);
      if (!timer) throw new Error('no timer is waiting');
      timer.live = false;
      await timer.callback();
    },
  };
}
