/** How long something took across a period: how many, the median and the 90th percentile, in ms. */
export interface Durations {
  count: number;
  median: number;
  p90: number;
}

/**
 * The median is the middle value (the mean of the two middle ones for an even count), as people read
 * "half took longer"; p90 is the nearest rank, a duration someone actually waited. Null for no values,
 * so an empty period reads as "no data", never as 0 ms.
 */
export function durations(values: readonly number[]): Durations | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const p90 = sorted[Math.max(0, Math.ceil(0.9 * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, median: Math.round(median), p90 };
}
