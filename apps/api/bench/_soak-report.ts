// The soak bench's numbers: samples every few seconds, folded into one row per minute, and the verdict
// on memory (a least-squares slope of the API's resident anonymous memory after warm-up).

export const COUNTERS = [
  "chatTurns",
  "chatEvents",
  "chatHistories",
  "webhooksAcked",
  "repliesDelivered",
  "adminEvents",
  "adminLists",
  "errors",
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

export const zeroCounts = (): Counts =>
  Object.fromEntries(COUNTERS.map((c) => [c, 0])) as unknown as Counts;

export interface Sample {
  /** Seconds since the load started. */
  at: number;
  rssMb: number;
  /** Resident anonymous memory: what a leak grows (see residentOf in soak.bench.ts). */
  rssAnonMb: number;
  /** Resident file pages (the database's mapped table files). */
  rssFileMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Memory outside V8's heap that V8 knows of (buffers). */
  externalMb: number;
  /** V8's allocations outside its heap. */
  v8MallocedMb: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** Totals so far. */
  counts: Counts;
}

export interface MinuteRow extends Counts {
  minute: number;
  /** Webhook events acknowledged but not yet answered, at the minute's end. */
  backlog: number;
  rssMb: number;
  rssAnonMb: number;
  rssFileMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One row per started minute: memory at its end, the worst loop delay in it, what happened in it. */
export function minuteRows(samples: Sample[]): MinuteRow[] {
  const rows: MinuteRow[] = [];
  let before = zeroCounts();
  const minutes = Math.ceil((samples.at(-1)?.at ?? 0) / 60);
  for (let minute = 1; minute <= minutes; minute++) {
    const inMinute = samples.filter((s) => s.at > (minute - 1) * 60 && s.at <= minute * 60);
    const last = inMinute.at(-1);
    if (!last) continue;
    const row = { minute } as MinuteRow;
    for (const c of COUNTERS) row[c] = last.counts[c] - before[c];
    row.backlog = last.counts.webhooksAcked - last.counts.repliesDelivered;
    row.rssMb = last.rssMb;
    row.rssAnonMb = last.rssAnonMb;
    row.rssFileMb = last.rssFileMb;
    row.heapUsedMb = last.heapUsedMb;
    row.heapTotalMb = last.heapTotalMb;
    row.eventLoopP99Ms = Math.max(...inMinute.map((s) => s.eventLoopP99Ms));
    row.eventLoopMaxMs = Math.max(...inMinute.map((s) => s.eventLoopMaxMs));
    rows.push(row);
    before = last.counts;
  }
  return rows;
}

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

export interface Verdict {
  /** Growth of resident anonymous memory after warm-up, MB per minute: the verdict's measure. */
  anonSlopeMbPerMinute: number;
  /** All of RSS, file pages included (for reference). */
  rssSlopeMbPerMinute: number;
  heapSlopeMbPerMinute: number;
  fromSecond: number;
  thresholdMbPerMinute: number;
  bounded: boolean;
}

export function memoryVerdict(
  samples: Sample[],
  warmupSeconds: number,
  thresholdMbPerMinute: number,
): Verdict {
  const after = samples.filter((s) => s.at >= warmupSeconds);
  const perMinute = (pick: (s: Sample) => number) =>
    round1(slope(after.map((s) => ({ x: s.at / 60, y: pick(s) }))));
  const anonSlope = perMinute((s) => s.rssAnonMb);
  return {
    anonSlopeMbPerMinute: anonSlope,
    rssSlopeMbPerMinute: perMinute((s) => s.rssMb),
    heapSlopeMbPerMinute: perMinute((s) => s.heapUsedMb),
    fromSecond: warmupSeconds,
    thresholdMbPerMinute,
    bounded: anonSlope <= thresholdMbPerMinute,
  };
}
