import type { InfiniteData } from "@tanstack/react-query";
import type { ConversationFilters } from "./conversation-filters";
import {
  conversationListReducer,
  initialListState,
  type ConversationListState,
} from "./conversation-list";
import type { ConversationRow } from "~/features/console/types";

/** One page of `conversations.list` as the query cache holds it. */
export interface ConversationPage {
  items: ConversationRow[];
  nextCursor: string | null;
}

export type ConversationPages<P = unknown> = InfiniteData<ConversationPage, P>;

/** The list the pages of the query cache add up to (each page after the first is a "Load more"). */
export function listFromPages(
  filters: ConversationFilters,
  pages: readonly ConversationPage[],
): ConversationListState {
  return pages.reduce(
    (state, page, index) =>
      conversationListReducer(state, {
        type: "pageLoaded",
        filters,
        items: page.items,
        nextCursor: page.nextCursor,
        append: index > 0,
      }),
    initialListState(filters),
  );
}

/**
 * The cached pages after an admin event's row, by the list's rules. A changed list is written back as
 * one page (the list as shown, with the last cursor): its pages no longer answer the queries they
 * were read with, and "Load more" goes on from the same cursor.
 */
export function withRowChanged<P>(
  filters: ConversationFilters,
  data: ConversationPages<P>,
  row: ConversationRow,
): ConversationPages<P> {
  const before = listFromPages(filters, data.pages);
  const after = conversationListReducer(before, { type: "rowChanged", row });
  if (after === before) return data;
  return {
    pages: [{ items: after.rows, nextCursor: after.nextCursor }],
    pageParams: data.pageParams.slice(0, 1),
  };
}
