export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (rounded down), never negative. */
export function wholeDaysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}
