import { describe, expect, it } from "vitest";
import {
  boardColumns,
  boardReducer,
  initialBoardState,
  type BoardAction,
  type BoardState,
} from "./board-state";
import { checkMove } from "./move-check";
import { formatElapsed } from "./elapsed";
import type { PipelineStage } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";

const STAGES = ["NEW", "BOOKED", "REJECTED"];
const run = (state: BoardState, ...actions: BoardAction[]) => actions.reduce(boardReducer, state);
const ids = (state: BoardState, stage: string) =>
  boardColumns(state, STAGES)
    .columns.find((c) => c.stageId === stage)
    ?.rows.map((r) => r.conversationId);

/** The board starts moving `card` to `stage`. */
const moveStarted = (
  card: ReturnType<typeof row>,
  stage: string,
  rejectionReason: string | null = null,
): BoardAction => ({
  type: "moveStarted",
  conversationId: card.conversationId,
  stage,
  rejectionReason,
});

function loaded(...rows: ReturnType<typeof row>[]) {
  const start = initialBoardState({}, STAGES);
  return run(
    start,
    ...STAGES.map((stage): BoardAction => ({
      type: "pageLoaded",
      filters: {},
      stage,
      items: rows.filter((r) => r.stage === stage),
      nextCursor: null,
    })),
  );
}

describe("the pipeline board", () => {
  it("groups cards by stage in pipeline order, waiting-for-a-human first, then newest", () => {
    const old = row({ stage: "NEW" });
    const waiting = row({ stage: "NEW", status: "NEEDS_HUMAN" });
    const newest = row({ stage: "NEW" });
    const booked = row({ stage: "BOOKED" });
    const board = boardColumns(loaded(old, waiting, newest, booked), STAGES);
    expect(board.columns.map((c) => c.stageId)).toEqual(STAGES);
    expect(board.columns[0]?.rows.map((r) => r.conversationId)).toEqual([
      waiting.conversationId,
      newest.conversationId,
      old.conversationId,
    ]);
    expect(board.columns[1]?.rows.map((r) => r.conversationId)).toEqual([booked.conversationId]);
    expect(board.columns.every((c) => c.paging.loaded)).toBe(true);
  });

  it("keeps cards of a stage the pipeline no longer has apart instead of losing them", () => {
    const lost = row({ stage: "ARCHIVED" });
    const state = run(initialBoardState({}, STAGES), { type: "rowChanged", row: lost });
    expect(boardColumns(state, STAGES).orphans.map((r) => r.conversationId)).toEqual([
      lost.conversationId,
    ]);
  });

  it("moves a card at once and keeps it there when the server agrees", () => {
    const card = row({ stage: "NEW", version: 3 });
    let state = run(loaded(card), moveStarted(card, "BOOKED"));
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
    expect(ids(state, "NEW")).toEqual([]);
    state = run(state, { type: "moveSucceeded", row: { ...card, stage: "BOOKED", version: 4 } });
    expect(state.pending).toEqual({});
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
  });

  it("puts a card back where the server last said it is when the move fails, and says why", () => {
    const card = row({ stage: "NEW", version: 3 });
    let state = run(loaded(card), moveStarted(card, "REJECTED", "Too expensive"));
    expect(boardColumns(state, STAGES).columns[2]?.rows[0]?.rejectionReason).toBe("Too expensive");
    // A message arrives meanwhile (same version, newer activity): the card stays on its new column.
    const withMessage = {
      ...card,
      lastActivityAt: "2026-02-01T00:00:00.000Z",
      lastMessagePreview: "hi",
    };
    state = run(state, { type: "rowChanged", row: withMessage });
    expect(ids(state, "REJECTED")).toEqual([card.conversationId]);
    state = run(state, {
      type: "moveFailed",
      conversationId: card.conversationId,
      message: "rejectionReason: is required",
    });
    expect(ids(state, "NEW")).toEqual([card.conversationId]);
    expect(ids(state, "REJECTED")).toEqual([]);
    expect(state.rows[card.conversationId]?.lastMessagePreview).toBe("hi");
    expect(state.failure).toEqual({
      conversationId: card.conversationId,
      stage: "REJECTED",
      message: "rejectionReason: is required",
    });
    expect(run(state, { type: "dismissFailure" }).failure).toBeNull();
  });

  it("rolls back to a stage someone else chose while the move was in flight", () => {
    const card = row({ stage: "NEW", version: 3 });
    const state = run(
      loaded(card),
      moveStarted(card, "BOOKED"),
      { type: "rowChanged", row: { ...card, stage: "REJECTED", version: 4 } },
      { type: "moveFailed", conversationId: card.conversationId, message: "conflict" },
    );
    expect(ids(state, "REJECTED")).toEqual([card.conversationId]);
  });

  it("sends one move per card at a time", () => {
    const card = row({ stage: "NEW" });
    const state = run(
      loaded(card),
      moveStarted(card, "BOOKED"),
      moveStarted(card, "REJECTED", "x"),
    );
    expect(state.pending[card.conversationId]?.stage).toBe("BOOKED");
  });

  it("applies live changes: a new conversation appears, another admin's move moves the card", () => {
    const card = row({ stage: "NEW", version: 1 });
    let state = loaded(card);
    const created = row({ stage: "NEW" });
    state = run(state, { type: "rowChanged", row: created });
    expect(ids(state, "NEW")).toEqual([created.conversationId, card.conversationId]);
    state = run(state, { type: "rowChanged", row: { ...card, stage: "BOOKED", version: 2 } });
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
    // A late, older copy does not undo the move.
    state = run(state, { type: "rowChanged", row: card });
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
  });

  it("shows only what the filters allow, live events included", () => {
    const mine = row({ stage: "NEW", agentId: "a1", channel: "telegram" });
    let state = run(initialBoardState({ agentId: "a1" }, STAGES), {
      type: "pageLoaded",
      filters: { agentId: "a1" },
      stage: "NEW",
      items: [mine],
      nextCursor: "next",
    });
    state = run(state, { type: "rowChanged", row: row({ stage: "NEW", agentId: "a2" }) });
    expect(ids(state, "NEW")).toEqual([mine.conversationId]);
    expect(boardColumns(state, STAGES).columns[0]?.paging.nextCursor).toBe("next");
    // A page answering filters since changed is ignored.
    const stale = run(state, {
      type: "pageLoaded",
      filters: {},
      stage: "NEW",
      items: [row({ stage: "NEW", agentId: "a2" })],
      nextCursor: null,
    });
    expect(stale).toBe(state);
  });

  it("appends a column's next page and records a failed page on its column", () => {
    const first = row({ stage: "BOOKED" });
    const older = row({ stage: "BOOKED", lastActivityAt: "2025-01-01T00:00:00.000Z" });
    let state = loaded(first);
    state = run(
      state,
      { type: "loadingMore", stage: "BOOKED" },
      { type: "pageLoaded", filters: {}, stage: "BOOKED", items: [older, first], nextCursor: null },
    );
    expect(ids(state, "BOOKED")).toEqual([first.conversationId, older.conversationId]);
    state = run(state, { type: "pageFailed", filters: {}, stage: "NEW", message: "offline" });
    expect(state.columns.NEW?.error).toBe("offline");
    expect(state.columns.NEW?.loadingMore).toBe(false);
  });
});

const stage = (id: string, requiresReason = false): PipelineStage => ({
  id,
  name: id,
  color: "#000000",
  position: 0,
  requiresReason,
  isDefault: id === "NEW",
});

describe("dropping a card on a stage", () => {
  const stages = [stage("NEW"), stage("BOOKED"), stage("REJECTED", true)];
  it("asks for a reason only where the stage needs one", () => {
    expect(checkMove(stages, "NEW", "NEW").kind).toBe("same");
    expect(checkMove(stages, "NEW", "BOOKED").kind).toBe("ready");
    expect(checkMove(stages, "NEW", "REJECTED").kind).toBe("needsReason");
    expect(checkMove(stages, "NEW", "GONE").kind).toBe("unknownStage");
  });
});

describe("waiting times on cards", () => {
  const units = { justNow: "just now", s: "s", min: "min", h: "h", d: "d" };
  const at = Date.parse("2026-01-01T12:00:00.000Z");
  it("reads short for a card", () => {
    expect(formatElapsed("2026-01-01T11:59:55.000Z", at, units)).toBe("just now");
    expect(formatElapsed("2026-01-01T11:59:15.000Z", at, units)).toBe("45 s");
    expect(formatElapsed("2026-01-01T11:48:00.000Z", at, units)).toBe("12 min");
    expect(formatElapsed("2026-01-01T08:55:00.000Z", at, units)).toBe("3 h 05 min");
    expect(formatElapsed("2025-12-30T08:00:00.000Z", at, units)).toBe("2 d 4 h");
    expect(formatElapsed("not a date", at, units)).toBe("");
  });
});
