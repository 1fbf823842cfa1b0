import { compareConversations, newerRow } from "~/features/inbox/conversation-order";
import type { Channel, ConversationRow } from "~/features/console/types";

/** The board narrows every column the same way; stage is the column itself. */
export interface BoardFilters {
  agentId?: string;
  channel?: Channel;
  label?: string;
}

export interface ColumnPaging {
  /** The column's first page has arrived. */
  loaded: boolean;
  /** Where "Load more" continues; null when the column is complete. */
  nextCursor: string | null;
  loadingMore: boolean;
  error: string | null;
}

/** A move sent to the server and not answered yet: shown on the card, never written into `rows`. */
export interface PendingMove {
  stage: string;
  rejectionReason: string | null;
}

export interface MoveFailure {
  conversationId: string;
  /** The stage the card was dropped on (the card is back where the server says it is). */
  stage: string;
  message: string;
}

export interface BoardState {
  filters: BoardFilters;
  /** The server's copy of every loaded conversation (pages and live events), by id. */
  rows: Record<string, ConversationRow>;
  columns: Record<string, ColumnPaging>;
  pending: Record<string, PendingMove>;
  failure: MoveFailure | null;
}

export type BoardAction =
  | {
      type: "pageLoaded";
      stage: string;
      items: readonly ConversationRow[];
      nextCursor: string | null;
    }
  | { type: "pageFailed"; stage: string; message: string }
  | { type: "loadingMore"; stage: string }
  | { type: "moveStarted"; conversationId: string; stage: string; rejectionReason: string | null };

const EMPTY_COLUMN: ColumnPaging = {
  loaded: false,
  nextCursor: null,
  loadingMore: false,
  error: null,
};

export function matchesBoardFilters(row: ConversationRow, filters: BoardFilters): boolean {
  if (filters.agentId && row.agentId !== filters.agentId) return false;
  if (filters.label && !(row.labels ?? []).includes(filters.label)) return false;
  return !(filters.channel && row.channel !== filters.channel);
}

export function initialBoardState(
  filters: BoardFilters,
  stageIds: readonly string[] = [],
): BoardState {
  return {
    filters,
    rows: {},
    columns: Object.fromEntries(stageIds.map((id) => [id, EMPTY_COLUMN])),
    pending: {},
    failure: null,
  };
}

function upsert(
  rows: Record<string, ConversationRow>,
  row: ConversationRow,
  filters: BoardFilters,
): Record<string, ConversationRow> {
  const current = rows[row.conversationId];
  const next = newerRow(current, row);
  if (!matchesBoardFilters(next, filters)) {
    if (!current) return rows;
    const { [row.conversationId]: _gone, ...rest } = rows;
    return rest;
  }
  return next === current ? rows : { ...rows, [row.conversationId]: next };
}

function withColumn(state: BoardState, stage: string, patch: Partial<ColumnPaging>) {
  return {
    ...state.columns,
    [stage]: { ...(state.columns[stage] ?? EMPTY_COLUMN), ...patch },
  };
}

/**
 * The board its cached pages add up to, with the moves in flight. A move is an overlay on the server's
 * row: live events for the card keep updating the row underneath (in the cache), and a failed move drops
 * the overlay, so the card returns to wherever the server last said it is.
 */
export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case "pageLoaded": {
      let rows = state.rows;
      for (const row of action.items) rows = upsert(rows, row, state.filters);
      return {
        ...state,
        rows,
        columns: withColumn(state, action.stage, {
          loaded: true,
          nextCursor: action.nextCursor,
          loadingMore: false,
          error: null,
        }),
      };
    }

    case "pageFailed":
      return {
        ...state,
        columns: withColumn(state, action.stage, { loadingMore: false, error: action.message }),
      };

    case "loadingMore":
      return { ...state, columns: withColumn(state, action.stage, { loadingMore: true }) };

    case "moveStarted": {
      const row = state.rows[action.conversationId];
      // One move per card at a time: the second would race the first's answer.
      if (!row || state.pending[action.conversationId]) return state;
      return {
        ...state,
        pending: {
          ...state.pending,
          [action.conversationId]: { stage: action.stage, rejectionReason: action.rejectionReason },
        },
        failure: null,
      };
    }
  }
}

/** A card as shown: the server's row with the pending move applied. */
export function displayedRow(state: BoardState, conversationId: string): ConversationRow | null {
  const row = state.rows[conversationId];
  if (!row) return null;
  const move = state.pending[conversationId];
  return move
    ? { ...row, stage: move.stage, rejectionReason: move.rejectionReason ?? undefined }
    : row;
}

export interface BoardColumn {
  stageId: string;
  rows: ConversationRow[];
  paging: ColumnPaging;
}

/**
 * One column per stage in pipeline order, cards in the inbox order (waiting for a human first, then
 * newest activity). Cards in a stage the pipeline no longer has are returned apart, not dropped.
 */
export function boardColumns(
  state: BoardState,
  stageIds: readonly string[],
): { columns: BoardColumn[]; orphans: ConversationRow[] } {
  const byStage = new Map<string, ConversationRow[]>(stageIds.map((id) => [id, []]));
  const orphans: ConversationRow[] = [];
  for (const id of Object.keys(state.rows)) {
    const row = displayedRow(state, id);
    if (!row) continue;
    const column = byStage.get(row.stage);
    if (column) column.push(row);
    else orphans.push(row);
  }
  return {
    columns: stageIds.map((stageId) => ({
      stageId,
      rows: (byStage.get(stageId) ?? []).sort(compareConversations),
      paging: state.columns[stageId] ?? EMPTY_COLUMN,
    })),
    orphans: orphans.sort(compareConversations),
  };
}
