import { newerRow } from "./conversation-order";
import type { ConversationRow, ConversationStatus } from "./types";

export const COUNTED_STATUSES = ["NEEDS_HUMAN", "AI_ACTIVE", "HUMAN_ACTIVE"] as const;
export type CountedStatus = (typeof COUNTED_STATUSES)[number];

/** Rows loaded per status to count; more than this shows as "100+". */
export const COUNT_PAGE_LIMIT = 100;

/**
 * Live counters: the first page of each status (ids, versions), then every full row the admin stream
 * sends moves its conversation between statuses. A status with more than one page is shown as "N+".
 */
type Counted = Pick<ConversationRow, "conversationId" | "status" | "version" | "lastActivityAt">;

export interface StatusCountsState {
  rows: ReadonlyMap<string, Counted>;
  /** Every conversation of the status was read (no further page). */
  complete: Readonly<Partial<Record<CountedStatus, boolean>>>;
  loaded: Readonly<Partial<Record<CountedStatus, boolean>>>;
}

export type StatusCountsAction =
  | {
      type: "statusLoaded";
      status: CountedStatus;
      rows: readonly ConversationRow[];
      complete: boolean;
    }
  | { type: "rowChanged"; row: ConversationRow }
  | { type: "reset" };

export const initialStatusCounts: StatusCountsState = { rows: new Map(), complete: {}, loaded: {} };

function upsert(rows: Map<string, Counted>, row: Counted) {
  rows.set(row.conversationId, newerRow(rows.get(row.conversationId), row));
}

const slim = (row: ConversationRow): Counted => ({
  conversationId: row.conversationId,
  status: row.status,
  version: row.version,
  lastActivityAt: row.lastActivityAt,
});

export function statusCountsReducer(
  state: StatusCountsState,
  action: StatusCountsAction,
): StatusCountsState {
  switch (action.type) {
    case "reset":
      return initialStatusCounts;
    case "statusLoaded": {
      const rows = new Map(state.rows);
      for (const row of action.rows) upsert(rows, slim(row));
      return {
        rows,
        complete: { ...state.complete, [action.status]: action.complete },
        loaded: { ...state.loaded, [action.status]: true },
      };
    }
    case "rowChanged": {
      const rows = new Map(state.rows);
      upsert(rows, slim(action.row));
      return { ...state, rows };
    }
  }
}

export interface StatusCount {
  value: number;
  /** More exist than were read: show "value+". */
  more: boolean;
  loaded: boolean;
}

export function countOf(state: StatusCountsState, status: ConversationStatus): StatusCount {
  let value = 0;
  for (const row of state.rows.values()) if (row.status === status) value++;
  const counted = COUNTED_STATUSES.find((s) => s === status);
  return {
    value,
    more: counted ? state.complete[counted] === false : false,
    loaded: counted ? state.loaded[counted] === true : false,
  };
}

export function formatCount(count: StatusCount): string {
  return count.more ? `${count.value}+` : String(count.value);
}
