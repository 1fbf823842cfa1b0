import { describe, expect, it } from "vitest";
import type { StatsPeriod } from "@agents-crm/config/stats";
import { instantOf } from "@agents-crm/config/time-zone";
import { periodWindows } from "../src/domain/stats/periods";
import { deltas, percentiles } from "../src/domain/stats/aggregate";
import { bucketStarts } from "../src/domain/stats/series";

const iso = (period: StatsPeriod, now: string, zone: string) => {
  const w = periodWindows(period, new Date(now), zone);
  return {
    from: w.current.from.toISOString(),
    to: w.current.to.toISOString(),
    previousFrom: w.previous.from.toISOString(),
    previousTo: w.previous.to.toISOString(),
  };
};

describe("period windows", () => {
  // Each row: the period, the moment, the zone, and the whole of both windows (current and previous).
  it.each([
    {
      name: "today in UTC runs from midnight; the previous window is yesterday until the same time",
      period: "today",
      now: "2026-03-01T10:00:00.000Z",
      zone: "UTC",
      windows: {
        from: "2026-03-01T00:00:00.000Z",
        to: "2026-03-01T10:00:00.000Z",
        previousFrom: "2026-02-28T00:00:00.000Z",
        previousTo: "2026-02-28T10:00:00.000Z",
      },
    },
    {
      // 15:30 in Kolkata (UTC+5:30): its midnight was 18:30 UTC the day before.
      name: "today starts at local midnight in a half-hour zone",
      period: "today",
      now: "2026-03-01T10:00:00.000Z",
      zone: "Asia/Kolkata",
      windows: {
        from: "2026-02-28T18:30:00.000Z",
        to: "2026-03-01T10:00:00.000Z",
        previousFrom: "2026-02-27T18:30:00.000Z",
        previousTo: "2026-02-28T10:00:00.000Z",
      },
    },
    {
      // 2026-03-08: New York moves from UTC-5 to UTC-4 at 02:00. 16:00Z is 12:00 EDT.
      name: "follows a spring-forward day: midnight in EST, noon compared with yesterday's noon",
      period: "today",
      now: "2026-03-08T16:00:00.000Z",
      zone: "America/New_York",
      windows: {
        from: "2026-03-08T05:00:00.000Z",
        to: "2026-03-08T16:00:00.000Z",
        previousFrom: "2026-03-07T05:00:00.000Z",
        previousTo: "2026-03-07T17:00:00.000Z",
      },
    },
    {
      // 2026-03-10 12:00 EDT: the window starts at 2026-03-04 00:00 EST.
      name: "counts calendar days across a DST change for last_7_days",
      period: "last_7_days",
      now: "2026-03-10T16:00:00.000Z",
      zone: "America/New_York",
      windows: {
        from: "2026-03-04T05:00:00.000Z",
        to: "2026-03-10T16:00:00.000Z",
        previousFrom: "2026-02-25T05:00:00.000Z",
        previousTo: "2026-03-03T17:00:00.000Z",
      },
    },
    {
      // 2026-10-25: Berlin moves from UTC+2 to UTC+1 at 03:00. 12:00Z is 13:00 CET.
      name: "follows a fall-back day (25 hours long)",
      period: "today",
      now: "2026-10-25T12:00:00.000Z",
      zone: "Europe/Berlin",
      windows: {
        from: "2026-10-24T22:00:00.000Z",
        to: "2026-10-25T12:00:00.000Z",
        previousFrom: "2026-10-23T22:00:00.000Z",
        previousTo: "2026-10-24T11:00:00.000Z",
      },
    },
    {
      name: "last_30_days covers 30 calendar days including today",
      period: "last_30_days",
      now: "2026-03-31T23:59:00.000Z",
      zone: "UTC",
      windows: {
        from: "2026-03-02T00:00:00.000Z",
        to: "2026-03-31T23:59:00.000Z",
        previousFrom: "2026-01-31T00:00:00.000Z",
        previousTo: "2026-03-01T23:59:00.000Z",
      },
    },
  ] satisfies {
    name: string;
    period: StatsPeriod;
    now: string;
    zone: string;
    windows: ReturnType<typeof iso>;
  }[])("$name", ({ period, now, zone, windows }) => {
    expect(iso(period, now, zone)).toEqual(windows);
  });

  it("starts a day whose midnight does not exist when the gap ends", () => {
    // 2026-09-06: Santiago skips from 00:00 (UTC-4) to 01:00 (UTC-3); the day starts at 04:00Z.
    expect(iso("today", "2026-09-06T15:00:00.000Z", "America/Santiago").from).toBe(
      "2026-09-06T04:00:00.000Z",
    );
    // A time inside a gap maps forward (02:30 on a spring-forward night is 03:30).
    expect(
      instantOf(
        { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 },
        "America/New_York",
      ).toISOString(),
    ).toBe("2026-03-08T07:30:00.000Z");
  });
});

describe("aggregation helpers", () => {
  it("nearest-rank percentiles", () => {
    expect(percentiles([])).toBeNull();
    expect(percentiles([1200, 400, 800])).toEqual({ p50: 800, p95: 1200, avg: 800, max: 1200 });
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(hundred)).toMatchObject({ p50: 50, p95: 95 });
  });

  it("deltas subtract every number, count missing keys as 0 and keep null for missing values", () => {
    expect(
      deltas(
        { total: 5, byType: { booking: 2 }, latency: { p50: 10 }, cost: 0.3 },
        { total: 2, byType: { urgent: 1 }, latency: null, cost: 0.1 },
      ),
    ).toEqual({ total: 3, byType: { booking: 2, urgent: -1 }, latency: null, cost: 0.2 });
  });
});

describe("series buckets", () => {
  it("starts each day at local midnight across a DST change", () => {
    // Berlin moves to summer time on 2026-03-29: that day has 23 hours.
    const starts = bucketStarts(
      { from: new Date("2026-03-27T23:00:00.000Z"), to: new Date("2026-03-30T10:00:00.000Z") },
      "day",
      "Europe/Berlin",
    ).map((ms) => new Date(ms).toISOString());
    expect(starts).toEqual([
      "2026-03-27T23:00:00.000Z",
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
    ]);
  });

  it("cuts a day into whole hours up to now, and always has one bucket", () => {
    const from = new Date("2026-03-01T00:00:00.000Z");
    expect(
      bucketStarts({ from, to: new Date("2026-03-01T02:30:00.000Z") }, "hour", "UTC"),
    ).toHaveLength(3);
    expect(bucketStarts({ from, to: from }, "hour", "UTC")).toEqual([from.getTime()]);
  });
});
