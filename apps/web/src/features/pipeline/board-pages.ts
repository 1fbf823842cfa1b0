import { newerRow } from "~/features/inbox/conversation-order";
import type { ConversationRow } from "~/features/console/types";
import {
  boardReducer,
  initialBoardState,
  matchesBoardFilters,
  type BoardFilters,
  type BoardState,
  type MoveFailure,
  type PendingMove,
} from "./board-state";

/** One page of `conversations.list` for one stage, as the query cache holds it. */
export interface BoardPage {
  items: ConversationRow[];
  nextCursor: string | null;
}

/** A column's pages in the cache (the first page, then each "Load more"; undefined while on its way). */
export interface ColumnPages {
  stage: string;
  pages: readonly (BoardPage | undefined)[];
  error: string | null;
  loadingMore: boolean;
}

/** The moves sent and not answered yet, and the last one that failed. */
export interface BoardMoves {
  pending: Record<string, PendingMove>;
  failure: MoveFailure | null;
}

export const NO_MOVES: BoardMoves = { pending: {}, failure: null };

/** The board the cached pages and the moves in flight add up to. */
export function boardFromPages(
  filters: BoardFilters,
  stageIds: readonly string[],
  columns: readonly ColumnPages[],
  moves: BoardMoves,
): BoardState {
  let state = initialBoardState(filters, stageIds);
  for (const column of columns) {
    for (const page of column.pages) {
      if (page) state = boardReducer(state, { type: "pageLoaded", ...page, stage: column.stage });
    }
    if (column.loadingMore)
      state = boardReducer(state, { type: "loadingMore", stage: column.stage });
    if (column.error) {
      state = boardReducer(state, {
        type: "pageFailed",
        stage: column.stage,
        message: column.error,
      });
    }
  }
  for (const [conversationId, move] of Object.entries(moves.pending)) {
    state = boardReducer(state, { type: "moveStarted", conversationId, ...move });
  }
  return { ...state, failure: moves.failure };
}

/** A cached page of one stage, as the board keeps it. */
export interface CachedBoardPage {
  stage: string;
  /** Only the column's first page takes in rows it has not seen. */
  first: boolean;
  page: BoardPage | undefined;
}

/**
 * Where a changed row (a live event, an answered move) goes among the board's cached pages: every
 * cached copy is replaced by the newer one, or dropped when the row left the filters; a row on no page
 * joins its column's first page, or any cached first page (a card shows on the column of its stage,
 * whichever page holds it). Returns the pages that change, by index; `null` when no page is cached yet.
 */
export function placeBoardRow(
  cached: readonly CachedBoardPage[],
  row: ConversationRow,
  filters: BoardFilters,
): Map<number, BoardPage> | null {
  const keep = matchesBoardFilters(row, filters);
  const changed = new Map<number, BoardPage>();
  cached.forEach(({ page }, index) => {
    const current = page?.items.find((item) => item.conversationId === row.conversationId);
    if (!page || !current) return;
    const next = newerRow(current, row);
    if (next === current && keep) return;
    const items = keep
      ? page.items.map((item) => (item === current ? next : item))
      : page.items.filter((item) => item !== current);
    changed.set(index, { ...page, items });
  });
  const held = cached.some(({ page }) =>
    page?.items.some((item) => item.conversationId === row.conversationId),
  );
  if (held || !keep) return changed;
  const firsts = cached.flatMap((entry, index) => (entry.first && entry.page ? [index] : []));
  const home = firsts.find((index) => cached[index]?.stage === row.stage) ?? firsts[0];
  const page = home === undefined ? undefined : cached[home]?.page;
  if (home === undefined || !page) return null;
  changed.set(home, { ...page, items: [row, ...page.items] });
  return changed;
}

/** The moves after the server refused one: the card goes back, and the board says why. */
export function moveRefused(
  moves: BoardMoves,
  conversationId: string,
  message: string,
): BoardMoves {
  const move = moves.pending[conversationId];
  if (!move) return moves;
  const { [conversationId]: _done, ...pending } = moves.pending;
  return { pending, failure: { conversationId, stage: move.stage, message } };
}

/** The moves after the server took one (its row is written into the cache). */
export function moveAnswered(moves: BoardMoves, conversationId: string): BoardMoves {
  const { [conversationId]: _done, ...pending } = moves.pending;
  return { ...moves, pending };
}
