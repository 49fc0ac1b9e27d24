/** One group of `npm run bench` figures: flat keys (`group.case.metricMs`) to numbers. */
export interface Measure {
  name: string;
  run(): Promise<Record<string, number>>;
}

/** Nearest-rank percentile of `samples` (0 < p <= 100). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
