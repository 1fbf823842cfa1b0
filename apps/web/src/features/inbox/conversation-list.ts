import { compareConversations, newerRow, sortConversations } from "./conversation-order";
import { matchesFilters, sameFilters, type ConversationFilters } from "./conversation-filters";
import type { ConversationRow } from "~/features/console/types";
import { carryUnread } from "~/features/triage/unread-rows";

/** The inbox as loaded page by page and kept current by `admin.onEvent` (no polling). */
export interface ConversationListState {
  filters: ConversationFilters;
  rows: ConversationRow[];
  /** Where "Load more" continues; null when everything matching is loaded. */
  nextCursor: string | null;
  /** The first page has arrived for these filters. */
  loaded: boolean;
}

export type ConversationListAction =
  | { type: "filtersChanged"; filters: ConversationFilters }
  | {
      type: "pageLoaded";
      filters: ConversationFilters;
      items: readonly ConversationRow[];
      nextCursor: string | null;
      /** False for the first page (a fresh load), true for "Load more". */
      append: boolean;
    }
  | { type: "rowChanged"; row: ConversationRow };

export function initialListState(filters: ConversationFilters): ConversationListState {
  return { filters, rows: [], nextCursor: null, loaded: false };
}

/**
 * While more pages exist, only rows that sort above the last loaded one are shown: anything below it
 * belongs to a page not read yet (and will come with it), so the list never shows a gap out of order.
 */
function withinLoadedRange(rows: ConversationRow[], boundary: ConversationRow | undefined) {
  if (!boundary) return rows;
  return rows.filter((row) => compareConversations(row, boundary) <= 0);
}

/** Events carry bare rows: the customer profile a page brought stays with its conversation. */
function newerKeepingCustomer(
  current: ConversationRow | undefined,
  incoming: ConversationRow,
): ConversationRow {
  const next = carryUnread(current, newerRow(current, incoming));
  if (next.customer || !current?.customer) return next;
  return { ...next, customer: current.customer };
}

function merge(
  existing: readonly ConversationRow[],
  incoming: readonly ConversationRow[],
  filters: ConversationFilters,
): ConversationRow[] {
  const byId = new Map<string, ConversationRow>();
  for (const row of existing) byId.set(row.conversationId, row);
  for (const row of incoming)
    byId.set(row.conversationId, newerKeepingCustomer(byId.get(row.conversationId), row));
  // A page row that an event since made stale may no longer match (e.g. taken over while filtering
  // by NEEDS_HUMAN); the server said the rest matches, so "unknown" stays.
  return sortConversations(
    [...byId.values()].filter((row) => matchesFilters(row, filters) !== false),
  );
}

export function conversationListReducer(
  state: ConversationListState,
  action: ConversationListAction,
): ConversationListState {
  switch (action.type) {
    case "filtersChanged":
      return sameFilters(state.filters, action.filters) ? state : initialListState(action.filters);

    case "pageLoaded": {
      // A page for filters the admin has since changed answers a question nobody asks any more.
      if (!sameFilters(state.filters, action.filters)) return state;
      const base = action.append || !state.loaded ? state.rows : [];
      const rows = merge(base, action.items, state.filters);
      // An empty page with a cursor (a search that read its budget) keeps the boundary it had.
      const boundary = action.nextCursor
        ? (sortConversations(action.items).at(-1) ??
          (action.append ? state.rows.at(-1) : undefined))
        : undefined;
      return {
        ...state,
        rows: withinLoadedRange(rows, boundary),
        nextCursor: action.nextCursor,
        loaded: true,
      };
    }

    case "rowChanged": {
      const { row } = action;
      const index = state.rows.findIndex((r) => r.conversationId === row.conversationId);
      const current = index >= 0 ? state.rows[index] : undefined;
      const next = newerKeepingCustomer(current, row);
      if (next === current) return state;
      const membership = matchesFilters(next, state.filters);
      const keep = membership === "unknown" ? current !== undefined : membership;
      const others = state.rows.filter((r) => r.conversationId !== row.conversationId);
      if (!keep) return index >= 0 ? { ...state, rows: others } : state;
      const boundary = state.nextCursor ? state.rows.at(-1) : undefined;
      if (boundary && boundary.conversationId !== row.conversationId) {
        if (compareConversations(next, boundary) > 0) {
          return index >= 0 ? { ...state, rows: others } : state;
        }
      }
      return { ...state, rows: sortConversations([...others, next]) };
    }
  }
}
