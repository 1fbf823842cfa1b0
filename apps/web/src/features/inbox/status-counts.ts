import { newerRow } from "./conversation-order";
import type { ConversationRow, ConversationStatus } from "~/features/console/types";

export const COUNTED_STATUSES = ["NEEDS_HUMAN", "AI_ACTIVE", "HUMAN_ACTIVE"] as const;
export type CountedStatus = (typeof COUNTED_STATUSES)[number];

type Counted = Pick<ConversationRow, "conversationId" | "status" | "version" | "lastActivityAt">;

/**
 * Exact totals from `conversations.counts`, kept current by the admin stream. An event moves a
 * conversation between statuses only when its previous status is known (seen in an earlier event, or
 * the event created it); otherwise the totals are marked stale and read again. So is every change that
 * arrives while a read is on its way, since that read may or may not include it.
 */
export interface StatusCountsState {
  /** null until the first read arrives. */
  totals: Readonly<Record<ConversationStatus, number>> | null;
  /** The newest copy of every conversation an event mentioned since the console opened. */
  known: ReadonlyMap<string, Counted>;
  /** The totals may be off: read them again (the provider does, shortly). */
  stale: boolean;
  reading: boolean;
  /** The last read failed: the next one waits longer. */
  failed: boolean;
}

export type StatusCountsAction =
  | { type: "readStarted" }
  | { type: "read"; totals: Record<ConversationStatus, number> }
  | { type: "readFailed" }
  /** `created`: the event announced a new conversation (it was in no total before). */
  | { type: "rowChanged"; row: ConversationRow; created: boolean }
  /** Events were missed (a resync or a reconnect): read again. */
  | { type: "invalidate" };

export const initialStatusCounts: StatusCountsState = {
  totals: null,
  known: new Map(),
  stale: true,
  reading: false,
  failed: false,
};

const slim = (row: Counted): Counted => ({
  conversationId: row.conversationId,
  status: row.status,
  version: row.version,
  lastActivityAt: row.lastActivityAt,
});

function moved(
  totals: Readonly<Record<ConversationStatus, number>>,
  from: ConversationStatus | null,
  to: ConversationStatus,
): Record<ConversationStatus, number> {
  const next = { ...totals };
  if (from) next[from] = Math.max(0, next[from] - 1);
  next[to] += 1;
  return next;
}

export function statusCountsReducer(
  state: StatusCountsState,
  action: StatusCountsAction,
): StatusCountsState {
  switch (action.type) {
    case "readStarted":
      return { ...state, reading: true, stale: false };
    case "read":
      return { ...state, reading: false, failed: false, totals: { ...action.totals } };
    case "readFailed":
      return { ...state, reading: false, failed: true, stale: true };
    case "invalidate":
      return { ...state, stale: true };
    case "rowChanged": {
      const previous = state.known.get(action.row.conversationId);
      const next = newerRow(previous, slim(action.row));
      if (next === previous) return state;
      const known = new Map(state.known);
      known.set(next.conversationId, next);
      const from = previous ? previous.status : action.created ? null : undefined;
      if (from === undefined || state.totals === null) return { ...state, known, stale: true };
      if (from === next.status) return { ...state, known };
      return {
        ...state,
        known,
        totals: moved(state.totals, from, next.status),
        stale: state.stale || state.reading,
      };
    }
  }
}

export interface StatusCount {
  value: number;
  loaded: boolean;
}

export function countOf(state: StatusCountsState, status: ConversationStatus): StatusCount {
  return { value: state.totals?.[status] ?? 0, loaded: state.totals !== null };
}
