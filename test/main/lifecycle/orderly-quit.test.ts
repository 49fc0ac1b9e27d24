import { describe, expect, it } from 'vitest';
import { orderlyQuit } from '../../../src/main/lifecycle/orderly-quit';
import { FakeClock } from '../../support/fake-clock';

/** A `before-quit` event that records whether the quit was held back. */
const quitEvent = () => {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
};

function setup(dispose: () => Promise<void>) {
  const clock = new FakeClock(0);
  const errors: unknown[] = [];
  let quits = 0;
  const onBeforeQuit = orderlyQuit({
    dispose,
    quit: () => void quits++,
    clock,
    limitMs: 3000,
    onError: (error) => void errors.push(error),
  });
  return { clock, errors, onBeforeQuit, quits: () => quits };
}

describe('orderlyQuit', () => {
  it('holds the quit back until disposal has finished, then quits; that quit passes', async () => {
    let finish = () => {};
    const { clock, onBeforeQuit, quits } = setup(() => new Promise((r) => (finish = r)));
    const first = quitEvent();
    onBeforeQuit(first);
    expect(first.prevented).toBe(true);
    await clock.advanceAsync(100);
    expect(quits()).toBe(0);

    const meanwhile = quitEvent();
    onBeforeQuit(meanwhile);
    expect(meanwhile.prevented).toBe(true);

    finish();
    await clock.advanceAsync(0);
    expect(quits()).toBe(1);
    const last = quitEvent();
    onBeforeQuit(last);
    expect(last.prevented).toBe(false);
  });

  it('quits after the limit when disposal hangs', async () => {
    const { clock, onBeforeQuit, quits } = setup(() => new Promise(() => {}));
    onBeforeQuit(quitEvent());
    await clock.advanceAsync(2999);
    expect(quits()).toBe(0);
    await clock.advanceAsync(1);
    expect(quits()).toBe(1);
  });

  it('quits, and reports, when disposal fails', async () => {
    const failure = new Error('disk full');
    const { clock, errors, onBeforeQuit, quits } = setup(() => Promise.reject(failure));
    onBeforeQuit(quitEvent());
    await clock.advanceAsync(0);
    expect(quits()).toBe(1);
    expect(errors).toEqual([failure]);
    expect(clock.pendingTimers()).toBe(0);
  });
});
