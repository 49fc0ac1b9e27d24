import type { RetryPolicy } from '../../src/main/ha/backoff';

/** A retry policy for tests on real sockets: every wait between `minMs` and `maxMs`. */
export function fastRetry(minMs: number, maxMs: number): Partial<RetryPolicy> {
  return { quick: { minMs, maxMs }, backoff: { baseMs: minMs, maxMs } };
}
