import { describe, expect, it } from "vitest";
import {
  countOf,
  formatCount,
  initialStatusCounts,
  statusCountsReducer,
  type StatusCountsState,
} from "../src/lib/admin/status-counts";
import { row } from "./admin-fixtures";

const counts = (state: StatusCountsState) => ({
  needsHuman: formatCount(countOf(state, "NEEDS_HUMAN")),
  ai: formatCount(countOf(state, "AI_ACTIVE")),
  human: formatCount(countOf(state, "HUMAN_ACTIVE")),
});

describe("status counters", () => {
  it("count the loaded rows per status and say when more exist", () => {
    let state = statusCountsReducer(initialStatusCounts, {
      type: "statusLoaded",
      status: "NEEDS_HUMAN",
      rows: [row({ status: "NEEDS_HUMAN" }), row({ status: "NEEDS_HUMAN" })],
      complete: true,
    });
    state = statusCountsReducer(state, {
      type: "statusLoaded",
      status: "AI_ACTIVE",
      rows: [row(), row(), row()],
      complete: false,
    });
    expect(counts(state)).toEqual({ needsHuman: "2", ai: "3+", human: "0" });
    expect(countOf(state, "NEEDS_HUMAN").loaded).toBe(true);
    expect(countOf(state, "HUMAN_ACTIVE").loaded).toBe(false);
  });

  it("move a conversation between statuses as events arrive", () => {
    const a = row();
    let state = statusCountsReducer(initialStatusCounts, {
      type: "statusLoaded",
      status: "AI_ACTIVE",
      rows: [a],
      complete: true,
    });
    state = statusCountsReducer(state, {
      type: "rowChanged",
      row: { ...a, status: "NEEDS_HUMAN", version: 2 },
    });
    expect(counts(state)).toEqual({ needsHuman: "1", ai: "0", human: "0" });
    state = statusCountsReducer(state, {
      type: "rowChanged",
      row: { ...a, status: "HUMAN_ACTIVE", version: 3 },
    });
    expect(counts(state)).toEqual({ needsHuman: "0", ai: "0", human: "1" });
    state = statusCountsReducer(state, {
      type: "rowChanged",
      row: { ...a, status: "CLOSED", version: 4 },
    });
    expect(counts(state)).toEqual({ needsHuman: "0", ai: "0", human: "0" });
  });

  it("count a new conversation once however many events mention it", () => {
    const fresh = row();
    let state = initialStatusCounts;
    for (let i = 0; i < 3; i++)
      state = statusCountsReducer(state, { type: "rowChanged", row: fresh });
    expect(countOf(state, "AI_ACTIVE").value).toBe(1);
  });

  it("are not fooled by a page read before a newer event", () => {
    const a = row({ status: "NEEDS_HUMAN" });
    let state = statusCountsReducer(initialStatusCounts, {
      type: "rowChanged",
      row: { ...a, status: "HUMAN_ACTIVE", version: 2 },
    });
    state = statusCountsReducer(state, {
      type: "statusLoaded",
      status: "NEEDS_HUMAN",
      rows: [a],
      complete: true,
    });
    expect(counts(state)).toEqual({ needsHuman: "0", ai: "0", human: "1" });
  });

  it("start over on reset (a resync)", () => {
    const state = statusCountsReducer(initialStatusCounts, { type: "rowChanged", row: row() });
    expect(statusCountsReducer(state, { type: "reset" })).toBe(initialStatusCounts);
  });
});
