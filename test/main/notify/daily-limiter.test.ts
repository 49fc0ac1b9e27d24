import { describe, expect, it } from 'vitest';
import { DailyLimiter } from '../../../src/main/notify/daily-limiter';

const DAY = 86_400_000;

describe('once-a-day limiter', () => {
  it('allows one of a kind per rolling day, counting only what was shown', () => {
    const limiter = new DailyLimiter();
    expect(limiter.mayShow('token_rotation_due', 1_000)).toBe(true);
    // Asked but not shown (quiet hours): still allowed.
    expect(limiter.mayShow('token_rotation_due', 2_000)).toBe(true);
    limiter.recordShown('token_rotation_due', 2_000);
    expect(limiter.mayShow('token_rotation_due', 2_000 + DAY - 1)).toBe(false);
    expect(limiter.mayShow('token_rotation_due', 2_000 + DAY)).toBe(true);
  });

  it('keeps kinds apart', () => {
    const limiter = new DailyLimiter();
    limiter.recordShown('token_rotation_due', 0);
    expect(limiter.mayShow('other', 1)).toBe(true);
  });

  it('shares the limit through its memory, e.g. with the token reminder', () => {
    let last: number | null = 5_000;
    const limiter = new DailyLimiter({
      lastShownAt: () => last,
      recordShown: (_kind, at) => {
        last = at;
      },
    });
    expect(limiter.mayShow('token_rotation_due', 6_000)).toBe(false);
    limiter.recordShown('token_rotation_due', DAY + 5_000);
    expect(last).toBe(DAY + 5_000);
  });

  it('does not stay blocked when the clock was set back', () => {
    const limiter = new DailyLimiter();
    limiter.recordShown('token_rotation_due', 10 * DAY);
    expect(limiter.mayShow('token_rotation_due', 3 * DAY)).toBe(true);
  });
});
