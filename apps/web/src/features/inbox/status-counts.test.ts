import { describe, expect, it } from "vitest";
import {
  countOf,
  initialStatusCounts,
  statusCountsReducer,
  type StatusCountsAction,
  type StatusCountsState,
} from "./status-counts";
import { row } from "~/testing/conversation-fixtures";

const TOTALS = { NEEDS_HUMAN: 2, AI_ACTIVE: 340, HUMAN_ACTIVE: 1, CLOSED: 12 };

const run = (...actions: StatusCountsAction[]) =>
  actions.reduce(statusCountsReducer, initialStatusCounts);
const loaded = (...actions: StatusCountsAction[]) =>
  run({ type: "readStarted" }, { type: "read", totals: TOTALS }, ...actions);
const values = (state: StatusCountsState) => ({
  needsHuman: countOf(state, "NEEDS_HUMAN").value,
  ai: countOf(state, "AI_ACTIVE").value,
  human: countOf(state, "HUMAN_ACTIVE").value,
});

describe("status counters", () => {
  it("show nothing until the first read, then the server's exact totals", () => {
    expect(countOf(initialStatusCounts, "NEEDS_HUMAN").loaded).toBe(false);
    expect(initialStatusCounts.stale).toBe(true);
    const state = loaded();
    expect(countOf(state, "AI_ACTIVE")).toEqual({ value: 340, loaded: true });
    expect(state.stale).toBe(false);
  });

  it("add a conversation an event created, once however often it is mentioned", () => {
    const fresh = row({ status: "NEEDS_HUMAN" });
    const state = loaded(
      { type: "rowChanged", row: fresh, created: true },
      { type: "rowChanged", row: fresh, created: false },
      { type: "rowChanged", row: fresh, created: true },
    );
    expect(values(state)).toEqual({ needsHuman: 3, ai: 340, human: 1 });
    expect(state.stale).toBe(false);
  });

  it("move a known conversation between statuses and out of them when closed", () => {
    const a = row();
    let state = loaded({ type: "rowChanged", row: a, created: true });
    state = statusCountsReducer(state, {
      type: "rowChanged",
      row: { ...a, status: "NEEDS_HUMAN", version: 2 },
      created: false,
    });
    expect(values(state)).toEqual({ needsHuman: 3, ai: 340, human: 1 });
    state = statusCountsReducer(state, {
      type: "rowChanged",
      row: { ...a, status: "CLOSED", version: 3 },
      created: false,
    });
    expect(values(state)).toEqual({ needsHuman: 2, ai: 340, human: 1 });
    expect(state.totals?.CLOSED).toBe(13);
  });

  it("ignore an older copy of a row than the one already applied", () => {
    const a = row({ status: "HUMAN_ACTIVE", version: 5 });
    const state = loaded(
      { type: "rowChanged", row: a, created: true },
      { type: "rowChanged", row: { ...a, status: "NEEDS_HUMAN", version: 4 }, created: false },
    );
    expect(values(state)).toEqual({ needsHuman: 2, ai: 340, human: 2 });
  });

  it("read again when a conversation changes whose previous status is unknown", () => {
    const state = loaded({
      type: "rowChanged",
      row: row({ status: "NEEDS_HUMAN", version: 3 }),
      created: false,
    });
    expect(values(state)).toEqual({ needsHuman: 2, ai: 340, human: 1 });
    expect(state.stale).toBe(true);
  });

  it("read again when a change arrives while a read is on its way", () => {
    const a = row();
    const state = loaded(
      { type: "rowChanged", row: a, created: true },
      { type: "readStarted" },
      { type: "rowChanged", row: { ...a, status: "NEEDS_HUMAN", version: 2 }, created: false },
    );
    expect(state.stale).toBe(true);
    const settled = statusCountsReducer(state, { type: "read", totals: TOTALS });
    expect(values(settled)).toEqual({ needsHuman: 2, ai: 340, human: 1 });
  });

  it("keep what it knows when invalidated (a resync or reconnect) and read again", () => {
    const state = loaded({ type: "invalidate" });
    expect(state.stale).toBe(true);
    expect(countOf(state, "CLOSED").value).toBe(12);
  });

  it("try again after a failed read, keeping the totals they had", () => {
    const state = loaded({ type: "invalidate" }, { type: "readStarted" }, { type: "readFailed" });
    expect(state).toMatchObject({ stale: true, reading: false, failed: true });
    expect(countOf(state, "AI_ACTIVE").value).toBe(340);
    const again = statusCountsReducer(state, { type: "read", totals: TOTALS });
    expect(again.failed).toBe(false);
  });
});
