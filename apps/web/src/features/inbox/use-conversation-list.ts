"use client";

import { useEffect, useMemo, useRef } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { eventConversation } from "~/features/console/admin-event";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSessionLostOn } from "~/features/console/use-session-lost-on";
import { listInput, needsServerSearch, type ConversationFilters } from "./conversation-filters";
import { initialListState } from "./conversation-list";
import { listFromPages, withRowChanged } from "./conversation-pages";
import { withoutConversation } from "./erased-rows";
import type { ConversationRow } from "~/features/console/types";
import { trpc } from "~/lib/trpc";
import { pagesRead } from "~/features/triage/unread-rows";

export const PAGE_SIZE = 50;

const inPages = (pages: readonly { items: readonly ConversationRow[] }[], conversationId: string) =>
  pages.some((page) => page.items.some((item) => item.conversationId === conversationId));

/**
 * The inbox for a set of filters: `conversations.list` pages in the query cache ("Load more" is the
 * next page), kept current by the admin stream, which writes every changed row into the cached pages
 * (no polling, no refetch per event).
 */
export function useConversationList(filters: ConversationFilters) {
  const utils = trpc.useUtils();
  const input = useMemo(() => ({ ...listInput(filters), limit: PAGE_SIZE }), [filters]);
  const query = trpc.conversations.list.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Read afresh on every visit and for every filter set, as the admin stream keeps only the list on
    // screen current; the stream, not window focus, keeps it current after that.
    gcTime: 0,
    staleTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
  useSessionLostOn(query.error);

  // Rows announced before the first page arrives wait for it (that page may predate them).
  const early = useRef<ConversationRow[]>([]);
  const hasData = query.data !== undefined;
  useEffect(() => {
    if (!hasData || early.current.length === 0) return;
    const rows = early.current;
    early.current = [];
    utils.conversations.list.setInfiniteData(input, (data) =>
      data ? rows.reduce((pages, row) => withRowChanged(filters, pages, row), data) : data,
    );
  }, [hasData, utils, input, filters]);
  useEffect(() => {
    early.current = [];
  }, [input]);

  useAdminEvents((event) => {
    if (event.type === "resync") {
      reload();
      return;
    }
    if (event.type === "conversation.read") {
      const { conversationId, readAt } = event.payload;
      utils.conversations.list.setInfiniteData(input, (data) =>
        data ? pagesRead(data, conversationId, readAt) : data,
      );
      return;
    }
    if (event.type === "conversation.deleted") {
      const { conversationId } = event.payload;
      early.current = early.current.filter((row) => row.conversationId !== conversationId);
      utils.conversations.list.setInfiniteData(input, (data) =>
        data ? withoutConversation(data, conversationId) : data,
      );
      return;
    }
    const row = eventConversation(event);
    if (!row) return;
    const cached = utils.conversations.list.getInfiniteData(input);
    if (!cached) early.current.push(row);
    else if (needsServerSearch(filters, row, inPages(cached.pages, row.conversationId))) reload();
    else
      utils.conversations.list.setInfiniteData(input, (data) =>
        data ? withRowChanged(filters, data, row) : data,
      );
  });

  /** Missed events or a failed read: read the first page again (what was loaded after it goes). */
  function reload() {
    utils.conversations.list.setInfiniteData(input, (data) =>
      data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    void query.refetch();
  }

  const pages = query.data?.pages;
  const state = useMemo(
    () => (pages ? listFromPages(filters, pages) : initialListState(filters)),
    [filters, pages],
  );
  const { error, isFetchingNextPage, fetchNextPage } = query;
  return {
    ...state,
    loadingMore: isFetchingNextPage,
    // "" is an error without a message: the inbox shows its own "could not load" text.
    error: error && !isUnauthorized(error) ? error.message : null,
    loadMore: () => void fetchNextPage(),
    reload,
  };
}
