import { describe, expect, it } from "vitest";
import { groupByDay } from "./day-groups";

describe("day groups", () => {
  it("groups newest-first entries under the viewer's day, keeping their order", () => {
    const entries = [
      { id: "c", timestamp: "2026-11-25T06:00:00.000Z" },
      { id: "b", timestamp: "2026-11-24T22:00:00.000Z" },
      { id: "a", timestamp: "2026-11-24T20:00:00.000Z" },
    ];
    expect(groupByDay(entries, "UTC").map((g) => [g.day, g.items.map((e) => e.id)])).toEqual([
      ["2026-11-25", ["c"]],
      ["2026-11-24", ["b", "a"]],
    ]);
    // In Moscow (UTC+3) 22:00Z is already the 25th.
    expect(
      groupByDay(entries, "Europe/Moscow").map((g) => [g.day, g.items.map((e) => e.id)]),
    ).toEqual([
      ["2026-11-25", ["c", "b"]],
      ["2026-11-24", ["a"]],
    ]);
    expect(groupByDay([], "UTC")).toEqual([]);
  });
});
