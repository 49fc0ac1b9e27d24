import { describe, expect, it } from 'vitest';
import { LeadingThrottle } from '../../src/main/leading-throttle';
import { FakeClock } from '../support/fake-clock';

function setup() {
  const clock = new FakeClock(1000);
  let runs = 0;
  const throttle = new LeadingThrottle(clock, 100, () => runs++);
  return { throttle, advance: (ms: number) => clock.advance(ms), runs: () => runs, clock };
}

describe('LeadingThrottle', () => {
  it('runs the first request after a quiet spell at once', () => {
    const { throttle, runs, clock } = setup();
    throttle.request();
    expect(runs()).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
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
