/** One measured figure: its key in bench/results.json, its value and what it rests on. */
export interface Figure {
  key: string;
  value: number;
  unit: string;
  /** How many samples (events, runs, frames...) the figure rests on, printed beside it. */
  samples: number;
  note?: string;
}

/** A bench module: runs its measurements and returns its figures. */
export type BenchModule = () => Promise<Figure[]>;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU milliseconds (user + system) this process spends in `work`. */
export async function cpuMsOf(work: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Milliseconds JSON.parse alone takes on these frames: the floor of any ingest. */
export function jsonParseMs(frames: readonly string[], rounds = 3): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const frame of frames) JSON.parse(frame);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
