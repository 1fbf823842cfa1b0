import { describe, expect, it } from "vitest";
import { boardColumns, type BoardFilters, type BoardState } from "./board-state";
import {
  boardFromPages,
  moveAnswered,
  moveRefused,
  NO_MOVES,
  placeBoardRow,
  type BoardMoves,
  type CachedBoardPage,
} from "./board-pages";
import { checkMove } from "./move-check";
import { formatElapsed } from "./elapsed";
import type { ConversationRow, PipelineStage } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";

const STAGES = ["NEW", "BOOKED", "REJECTED"];
const ids = (state: BoardState, stage: string) =>
  boardColumns(state, STAGES)
    .columns.find((c) => c.stageId === stage)
    ?.rows.map((r) => r.conversationId);

/** The board as the hook keeps it: pages in the query cache and the moves in flight. */
class Board {
  moves: BoardMoves = NO_MOVES;
  errors: Record<string, string> = {};
  loadingMore = new Set<string>();
  constructor(
    readonly filters: BoardFilters,
    public cached: CachedBoardPage[],
  ) {}

  get state(): BoardState {
    const columns = STAGES.map((stage) => ({
      stage,
      pages: this.cached.filter((entry) => entry.stage === stage).map((entry) => entry.page),
      error: this.errors[stage] ?? null,
      loadingMore: this.loadingMore.has(stage),
    }));
    return boardFromPages(this.filters, STAGES, columns, this.moves);
  }

  /** A live event's (or an answered move's) row written into the cached pages. */
  rowChanged(changed: ConversationRow): this {
    const pages = placeBoardRow(this.cached, changed, this.filters);
    if (!pages) throw new Error("no page is cached yet");
    for (const [index, page] of pages) {
      const entry = this.cached[index];
      if (entry) this.cached[index] = { ...entry, page };
    }
    return this;
  }

  moveStarted(card: ConversationRow, stage: string, rejectionReason: string | null = null): this {
    const id = card.conversationId;
    if (this.state.rows[id] && !this.moves.pending[id]) {
      this.moves = {
        pending: { ...this.moves.pending, [id]: { stage, rejectionReason } },
        failure: null,
      };
    }
    return this;
  }

  moveSucceeded(answer: ConversationRow): this {
    this.rowChanged(answer);
    this.moves = moveAnswered(this.moves, answer.conversationId);
    return this;
  }

  moveFailed(conversationId: string, message: string): this {
    this.moves = moveRefused(this.moves, conversationId, message);
    return this;
  }
}

function loaded(...rows: ReturnType<typeof row>[]) {
  return new Board(
    {},
    STAGES.map((stage) => ({
      stage,
      first: true,
      page: { items: rows.filter((r) => r.stage === stage), nextCursor: null },
    })),
  );
}

describe("the pipeline board", () => {
  it("groups cards by stage in pipeline order, waiting-for-a-human first, then newest", () => {
    const old = row({ stage: "NEW" });
    const waiting = row({ stage: "NEW", status: "NEEDS_HUMAN" });
    const newest = row({ stage: "NEW" });
    const booked = row({ stage: "BOOKED" });
    const board = boardColumns(loaded(old, waiting, newest, booked).state, STAGES);
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
    const state = loaded().rowChanged(lost).state;
    expect(boardColumns(state, STAGES).orphans.map((r) => r.conversationId)).toEqual([
      lost.conversationId,
    ]);
  });

  it("moves a card at once and keeps it there when the server agrees", () => {
    const card = row({ stage: "NEW", version: 3 });
    const board = loaded(card).moveStarted(card, "BOOKED");
    let state = board.state;
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
    expect(ids(state, "NEW")).toEqual([]);
    state = board.moveSucceeded({ ...card, stage: "BOOKED", version: 4 }).state;
    expect(state.pending).toEqual({});
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
  });

  it("puts a card back where the server last said it is when the move fails, and says why", () => {
    const card = row({ stage: "NEW", version: 3 });
    const board = loaded(card).moveStarted(card, "REJECTED", "Too expensive");
    let state = board.state;
    expect(boardColumns(state, STAGES).columns[2]?.rows[0]?.rejectionReason).toBe("Too expensive");
    // A message arrives meanwhile (same version, newer activity): the card stays on its new column.
    const withMessage = {
      ...card,
      lastActivityAt: "2026-02-01T00:00:00.000Z",
      lastMessagePreview: "hi",
    };
    state = board.rowChanged(withMessage).state;
    expect(ids(state, "REJECTED")).toEqual([card.conversationId]);
    state = board.moveFailed(card.conversationId, "rejectionReason: is required").state;
    expect(ids(state, "NEW")).toEqual([card.conversationId]);
    expect(ids(state, "REJECTED")).toEqual([]);
    expect(state.rows[card.conversationId]?.lastMessagePreview).toBe("hi");
    expect(state.failure).toEqual({
      conversationId: card.conversationId,
      stage: "REJECTED",
      message: "rejectionReason: is required",
    });
    board.moves = { ...board.moves, failure: null };
    expect(board.state.failure).toBeNull();
  });

  it("rolls back to a stage someone else chose while the move was in flight", () => {
    const card = row({ stage: "NEW", version: 3 });
    const state = loaded(card)
      .moveStarted(card, "BOOKED")
      .rowChanged({ ...card, stage: "REJECTED", version: 4 })
      .moveFailed(card.conversationId, "conflict").state;
    expect(ids(state, "REJECTED")).toEqual([card.conversationId]);
  });

  it("sends one move per card at a time", () => {
    const card = row({ stage: "NEW" });
    const state = loaded(card).moveStarted(card, "BOOKED").moveStarted(card, "REJECTED", "x").state;
    expect(state.pending[card.conversationId]?.stage).toBe("BOOKED");
  });

  it("applies live changes: a new conversation appears, another admin's move moves the card", () => {
    const card = row({ stage: "NEW", version: 1 });
    const board = loaded(card);
    const created = row({ stage: "NEW" });
    let state = board.rowChanged(created).state;
    expect(ids(state, "NEW")).toEqual([created.conversationId, card.conversationId]);
    state = board.rowChanged({ ...card, stage: "BOOKED", version: 2 }).state;
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
    // A late, older copy does not undo the move.
    state = board.rowChanged(card).state;
    expect(ids(state, "BOOKED")).toEqual([card.conversationId]);
  });

  it("shows only what the filters allow, live events included", () => {
    const mine = row({ stage: "NEW", agentId: "a1", channel: "telegram" });
    const board = new Board({ agentId: "a1" }, [
      { stage: "NEW", first: true, page: { items: [mine], nextCursor: "next" } },
    ]);
    const state = board.rowChanged(row({ stage: "NEW", agentId: "a2" })).state;
    expect(ids(state, "NEW")).toEqual([mine.conversationId]);
    expect(boardColumns(state, STAGES).columns[0]?.paging.nextCursor).toBe("next");
    // A card that leaves the filters leaves the board.
    const moved = board.rowChanged({ ...mine, agentId: "a2", version: mine.version + 1 }).state;
    expect(ids(moved, "NEW")).toEqual([]);
  });

  it("appends a column's next page and records a failed page on its column", () => {
    const first = row({ stage: "BOOKED" });
    const older = row({ stage: "BOOKED", lastActivityAt: "2025-01-01T00:00:00.000Z" });
    const board = loaded(first);
    board.loadingMore.add("BOOKED");
    board.cached.push({ stage: "BOOKED", first: false, page: undefined });
    expect(board.state.columns.BOOKED?.loadingMore).toBe(true);
    board.loadingMore.clear();
    board.cached[board.cached.length - 1] = {
      stage: "BOOKED",
      first: false,
      page: { items: [older, first], nextCursor: null },
    };
    let state = board.state;
    expect(ids(state, "BOOKED")).toEqual([first.conversationId, older.conversationId]);
    board.errors.NEW = "offline";
    state = board.state;
    expect(state.columns.NEW?.error).toBe("offline");
    expect(state.columns.NEW?.loadingMore).toBe(false);
  });

  it("holds a row announced before any page is cached", () => {
    const board = new Board({}, [{ stage: "NEW", first: true, page: undefined }]);
    expect(placeBoardRow(board.cached, row({ stage: "NEW" }), {})).toBeNull();
  });
});

const stage = (id: string, requiresReason = false): PipelineStage => ({
  id,
  name: id,
  color: "#000000",
  position: 0,
  requiresReason,
  final: false,
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
