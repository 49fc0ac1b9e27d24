import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, retryDelay } from '../../../src/main/ha/backoff';

describe('backoffDelay', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt up to the cap', () => {
    const max = (attempt: number) => backoffDelay(attempt, options, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(max)).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
  });

  it('jitters between half and all of the delay', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(2000);
    expect(backoffDelay(3, options, () => 0.5)).toBe(3000);
  });
});

describe('retryDelay', () => {
  const local = { attempt: 3, outageMs: 10_000, local: true };

  it('looks every 250-500 ms while a local outage is young', () => {
    expect(retryDelay(local, DEFAULT_RETRY, () => 0)).toEqual({ delayMs: 250, quick: true });
    expect(retryDelay(local, DEFAULT_RETRY, () => 1)).toEqual({ delayMs: 500, quick: true });
  });

  it('backs off after ten minutes, and for remote addresses from the start', () => {
    const old = { ...local, outageMs: 10 * 60_000 };
    const remote = { ...local, local: false };
    expect(retryDelay(old, DEFAULT_RETRY, () => 1)).toEqual({ delayMs: 4000, quick: false });
    expect(retryDelay(remote, DEFAULT_RETRY, () => 1)).toEqual({ delayMs: 4000, quick: false });
  });

  it('never waits longer than home-assistant-js-websocket (5 s)', () => {
    for (const attempt of [1, 5, 50, 5000])
      for (const outageMs of [0, 60_000, 3_600_000])
        for (const isLocal of [true, false])
          expect(
            retryDelay({ attempt, outageMs, local: isLocal }, DEFAULT_RETRY, () => 1).delayMs,
          ).toBeLessThanOrEqual(5000);
  });
});
