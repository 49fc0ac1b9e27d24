import { describe, expect, it } from 'vitest';
import {
  afterFatalError,
  afterPageGone,
  CRASH_LOOP_WINDOW_MS,
  inCrashLoop,
  recentCrashes,
} from '../../../src/main/crash/crash-policy';

const now = 1_000_000_000;

describe('the crash-loop guard', () => {
  it('holds the connection back on the third start within two minutes', () => {
    expect(inCrashLoop([], now)).toBe(false);
    expect(inCrashLoop([now - 10_000], now)).toBe(false);
    expect(inCrashLoop([now - 60_000, now - 10_000], now)).toBe(true);
  });

  it('forgets crashes older than two minutes', () => {
    const old = now - CRASH_LOOP_WINDOW_MS;
    expect(inCrashLoop([old, now - 10_000], now)).toBe(false);
    expect(recentCrashes([now - 5, old, now - 50], now)).toEqual([now - 50, now - 5]);
  });

  it('ignores crash times from the future (a clock set back)', () => {
    expect(inCrashLoop([now + 1_000, now + 2_000], now)).toBe(false);
  });
});

describe('after a crash', () => {
  it('main relaunches once, and not when the guard already held it back', () => {
    expect(afterFatalError(false)).toBe('relaunch');
    expect(afterFatalError(true)).toBe('exit');
  });

  it('a page is reloaded once, then shows the error page', () => {
    expect(afterPageGone(0)).toBe('reload');
    expect(afterPageGone(1)).toBe('error-page');
  });
});
