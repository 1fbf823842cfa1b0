import { describe, expect, it } from "vitest";
import { memoryVerdict, minuteRows, slope, zeroCounts, type Sample } from "../bench/_soak-report";

/** Samples every 10 s for `minutes`, RSS from `rss(seconds)`. */
function run(minutes: number, rss: (at: number) => number): Sample[] {
  const samples: Sample[] = [];
  for (let at = 0; at <= minutes * 60; at += 10) {
    const counts = { ...zeroCounts(), chatTurns: at, errors: at >= 90 ? 1 : 0 };
    samples.push({
      at,
      rssMb: rss(at) + 20,
      rssAnonMb: rss(at),
      rssFileMb: 20,
      heapUsedMb: 50,
      heapTotalMb: 80,
      externalMb: 5,
      v8MallocedMb: 1,
      eventLoopP99Ms: at / 10,
      eventLoopMaxMs: at,
      counts,
    });
  }
  return samples;
}

describe("the soak bench's memory verdict", () => {
  it("fits a straight line", () => {
    expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 10 + 2 * x })))).toBe(2);
  });

  it("calls a leak of 5 MB a minute growing, even under GC's sawtooth", () => {
    const leaking = run(10, (at) => 200 + (5 * at) / 60 + (at % 30 === 0 ? 8 : 0));
    const verdict = memoryVerdict(leaking, 120, 3);
    expect(verdict.bounded).toBe(false);
    expect(verdict.anonSlopeMbPerMinute).toBeCloseTo(5, 0);
  });

  it("calls a sawtooth around a level bounded, ignoring the warm-up climb", () => {
    const steady = run(10, (at) => (at < 120 ? 150 + at / 2 : 210 + (at % 40 === 0 ? 10 : 0)));
    expect(memoryVerdict(steady, 120, 3)).toMatchObject({ bounded: true, fromSecond: 120 });
    expect(memoryVerdict(steady, 0, 3).bounded).toBe(false);
  });

  it("folds the samples into one row per minute: counts within it, memory at its end, worst delay", () => {
    const rows = minuteRows(run(2, (at) => 100 + at));
    expect(
      rows.map((r) => [r.minute, r.chatTurns, r.errors, r.rssAnonMb, r.eventLoopMaxMs]),
    ).toEqual([
      [1, 60, 0, 160, 60],
      [2, 60, 1, 220, 120],
    ]);
  });
});
