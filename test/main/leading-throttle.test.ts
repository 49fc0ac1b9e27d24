import { describe, expect, it } from 'vitest';
import { LeadingThrottle } from '../../src/main/leading-throttle';

function setup() {
  let now = 1000;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const clock = {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => timers.push({ at: now + ms, fn }),
    clearTimeout: () => timers.splice(0),
  };
  let runs = 0;
  const throttle = new LeadingThrottle(clock, 100, () => runs++);
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0)) {
      if (timer.at <= now) timer.fn();
      else timers.push(timer);
    }
  };
  return { throttle, advance, runs: () => runs, timers };
}

describe('LeadingThrottle', () => {
  it('runs the first request after a quiet spell at once', () => {
    const { throttle, runs, timers } = setup();
    throttle.request();
    expect(runs()).toBe(1);
    expect(timers).toHaveLength(0);
  });

  it('turns a burst inside the interval into one run at its end', () => {
    const { throttle, advance, runs } = setup();
    throttle.request();
    for (let i = 0; i < 50; i++) throttle.request();
    expect(runs()).toBe(1);
    advance(99);
    expect(runs()).toBe(1);
    advance(1);
    expect(runs()).toBe(2);
  });

  it('runs at once again once the interval has passed quietly', () => {
    const { throttle, advance, runs } = setup();
    throttle.request();
    advance(150);
    throttle.request();
    expect(runs()).toBe(2);
  });

  it('drops a pending run when cancelled', () => {
    const { throttle, advance, runs } = setup();
    throttle.request();
    throttle.request();
    throttle.cancel();
    advance(200);
    expect(runs()).toBe(1);
  });
});
