import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/main/ha/backoff';

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
