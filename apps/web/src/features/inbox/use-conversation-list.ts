"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { eventConversation } from "~/features/console/admin-event";
import type { ConversationFilters } from "./conversation-filters";
import { conversationListReducer, initialListState } from "./conversation-list";
import { trpc } from "~/lib/trpc";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSession } from "~/features/console/session-context";

export const PAGE_SIZE = 50;

/**
 * The inbox for a set of filters: the first page, "Load more" pages, and every change the admin stream
 * announces (full rows, upserted and re-sorted in place — no polling, no refetch per event).
 */
export function useConversationList(filters: ConversationFilters) {
  const [state, dispatch] = useReducer(conversationListReducer, filters, initialListState);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  });

  const fail = useCallback(
    (cause: unknown) => {
      if (isUnauthorized(cause)) sessionLost();
      // "" is an error without a message: the inbox shows its own "could not load" text.
      else setError(cause instanceof Error ? cause.message : "");
    },
    [sessionLost],
  );

  useEffect(() => {
    dispatch({ type: "filtersChanged", filters });
    setError(null);
    let cancelled = false;
    utils.client.conversations.list
      .query({ ...filters, limit: PAGE_SIZE })
      .then((page) => {
        if (cancelled) return;
        dispatch({
          type: "pageLoaded",
          filters,
          items: page.items,
          nextCursor: page.nextCursor,
          append: false,
        });
      })
      .catch((cause: unknown) => {
        if (!cancelled) fail(cause);
      });
    return () => {
      cancelled = true;
    };
  }, [filters, reloads, utils, fail]);

  const loadMore = useCallback(() => {
    const { nextCursor, filters: loadedFor } = current.current;
    if (!nextCursor) return;
    setLoadingMore(true);
    utils.client.conversations.list
      .query({ ...loadedFor, cursor: nextCursor, limit: PAGE_SIZE })
      .then((page) =>
        dispatch({
          type: "pageLoaded",
          filters: loadedFor,
          items: page.items,
          nextCursor: page.nextCursor,
          append: true,
        }),
      )
      .catch(fail)
      .finally(() => setLoadingMore(false));
  }, [utils, fail]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useAdminEvents((event) => {
    if (event.type === "resync") {
      reload();
      return;
    }
    const row = eventConversation(event);
    if (row) dispatch({ type: "rowChanged", row });
  });

  return { ...state, loadingMore, error, loadMore, reload };
}
