import { describe, expect, it } from "vitest";
import { breakdown } from "./breakdown";
import { bucketLabel, bucketTitle } from "./bucket-label";
import { delta, ratio } from "./delta";
import { labelEvery, linearScale, niceTicks } from "./scale";
import { statsViewFromParams, statsViewToQuery } from "./stats-query";

describe("comparison with the previous period", () => {
  it("gives the difference, the percentage and whether it is good news", () => {
    expect(delta(12, 8, "up")).toEqual({ diff: 4, percent: 50, direction: "up", tone: "good" });
    expect(delta(3, 4, "down")).toEqual({
      diff: -1,
      percent: -25,
      direction: "down",
      tone: "good",
    });
    expect(delta(6, 4, "down")).toMatchObject({ direction: "up", tone: "bad" });
    expect(delta(5, 5, "up")).toMatchObject({
      diff: 0,
      percent: 0,
      direction: "flat",
      tone: "neutral",
    });
    expect(delta(7, 2)).toMatchObject({ tone: "neutral" });
  });

  it("has no percentage when there was nothing before, and rounds float noise", () => {
    expect(delta(3, 0, "up")).toEqual({ diff: 3, percent: null, direction: "up", tone: "good" });
    expect(delta(0.3, 0.1).diff).toBe(0.2);
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe("chart scales", () => {
  it("puts ticks on round steps from zero to at least the maximum", () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(0.03)).toEqual([0, 0.01, 0.02, 0.03]);
    expect(niceTicks(1)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3, 4)).toEqual([0, 1, 2, 3]);
    // Counts never get half steps.
    expect(niceTicks(1, 4, true)).toEqual([0, 1]);
    expect(niceTicks(2, 4, true)).toEqual([0, 1, 2]);
    expect(niceTicks(0, 4, true)).toEqual([0, 1]);
  });

  it("maps values onto pixels, downwards for a y axis, clamped to the domain", () => {
    const y = linearScale(8, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(8)).toBe(0);
    expect(y(2)).toBe(75);
    expect(y(-1)).toBe(100);
    expect(y(20)).toBe(0);
    expect(linearScale(0, 0, 10)(0)).toBe(0);
  });

  it("thins axis labels but always shows the first and the last", () => {
    const show = labelEvery(30, 8);
    const shown = Array.from({ length: 30 }, (_, i) => i).filter(show);
    expect(shown[0]).toBe(0);
    expect(shown[shown.length - 1]).toBe(29);
    expect(shown.length).toBeLessThanOrEqual(9);
    expect(Array.from({ length: 5 }, (_, i) => i).filter(labelEvery(5, 8))).toHaveLength(5);
  });
});

describe("bucket labels in the viewer's zone and language", () => {
  it("labels hours and days", () => {
    expect(bucketLabel("en", "2026-11-25T09:00:00.000Z", "hour", "Europe/Moscow")).toBe("12:00");
    expect(bucketLabel("en", "2026-11-24T21:00:00.000Z", "day", "Europe/Moscow")).toBe("25 Nov");
    expect(bucketLabel("ru", "2026-11-24T21:00:00.000Z", "day", "Europe/Moscow")).toMatch(
      /^25 нояб/,
    );
    expect(bucketTitle("en", "2026-11-25T09:00:00.000Z", "hour", "UTC")).toBe(
      "Wed 25 Nov, 09:00–10:00",
    );
  });
});

describe("the stats view in the query string", () => {
  it("defaults to today with comparison and round-trips choices", () => {
    expect(statsViewFromParams({})).toEqual({ period: "today", compare: true });
    expect(statsViewToQuery({ period: "today", compare: true })).toBe("");
    const view = statsViewFromParams({
      period: "last_30_days",
      compare: "0",
      agent: "demo_clinic",
    });
    expect(view).toEqual({ period: "last_30_days", compare: false, agentId: "demo_clinic" });
    expect(
      statsViewFromParams(Object.fromEntries(new URLSearchParams(statsViewToQuery(view)))),
    ).toEqual(view);
  });

  it("ignores values the API would refuse", () => {
    expect(statsViewFromParams({ period: "forever", agent: "../etc" })).toEqual({
      period: "today",
      compare: true,
    });
  });
});

describe("breakdowns as bars", () => {
  it("keeps the given order (zeros included), then the rest by size", () => {
    const items = breakdown(
      { NEW: 2, BOOKED: 0, OLD_STAGE: 1, OTHER: 3, EMPTY: 0 },
      ["NEW", "BOOKED", "REJECTED"],
      (key) => key.toLowerCase(),
    );
    expect(items.map((i) => [i.key, i.label, i.value])).toEqual([
      ["NEW", "new", 2],
      ["BOOKED", "booked", 0],
      ["REJECTED", "rejected", 0],
      ["OTHER", "other", 3],
      ["OLD_STAGE", "old_stage", 1],
    ]);
  });
});
