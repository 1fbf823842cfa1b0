"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { eventConversation } from "~/features/console/admin-event";
import { isUnauthorized, errorMessage } from "~/features/console/api-error";
import { boardReducer, initialBoardState, type BoardFilters } from "./board-state";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSession } from "~/features/console/session-context";

export const COLUMN_PAGE_SIZE = 20;

/**
 * The board's cards: the first page of every stage, "Load more" per stage, the admin stream's changes
 * (no polling) and optimistic moves through `conversations.setStage`.
 */
export function useBoard(filters: BoardFilters, stageIds: readonly string[]) {
  const [state, dispatch] = useReducer(boardReducer, undefined, () =>
    initialBoardState(filters, stageIds),
  );
  const [reloads, setReloads] = useState(0);
  const { sessionLost } = useSession();
  const common = useT("common");
  const utils = trpc.useUtils();
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  });
  const stageKey = stageIds.join("\n");

  const failed = useCallback(
    (cause: unknown) => {
      if (isUnauthorized(cause)) sessionLost();
      return errorMessage(cause, common.errors.generic);
    },
    [sessionLost, common.errors.generic],
  );

  useEffect(() => {
    const ids = stageKey ? stageKey.split("\n") : [];
    dispatch({ type: "reset", filters, stageIds: ids });
    let cancelled = false;
    for (const stage of ids) {
      utils.client.conversations.list
        .query({ ...filters, stage, limit: COLUMN_PAGE_SIZE })
        .then((page) => {
          if (!cancelled) dispatch({ type: "pageLoaded", filters, stage, ...page });
        })
        .catch((cause: unknown) => {
          if (!cancelled) dispatch({ type: "pageFailed", filters, stage, message: failed(cause) });
        });
    }
    return () => {
      cancelled = true;
    };
  }, [filters, stageKey, reloads, utils, failed]);

  const loadMore = useCallback(
    (stage: string) => {
      const { columns, filters: loadedFor } = current.current;
      const cursor = columns[stage]?.nextCursor;
      if (!cursor || columns[stage]?.loadingMore) return;
      dispatch({ type: "loadingMore", stage });
      utils.client.conversations.list
        .query({ ...loadedFor, stage, cursor, limit: COLUMN_PAGE_SIZE })
        .then((page) => dispatch({ type: "pageLoaded", filters: loadedFor, stage, ...page }))
        .catch((cause: unknown) =>
          dispatch({ type: "pageFailed", filters: loadedFor, stage, message: failed(cause) }),
        );
    },
    [utils, failed],
  );

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const move = useCallback(
    (conversationId: string, stage: string, rejectionReason: string | null) => {
      if (current.current.pending[conversationId]) return;
      dispatch({ type: "moveStarted", conversationId, stage, rejectionReason });
      utils.client.conversations.setStage
        .mutate({ conversationId, stage, rejectionReason })
        .then((row) => dispatch({ type: "moveSucceeded", row }))
        .catch((cause: unknown) =>
          dispatch({ type: "moveFailed", conversationId, message: failed(cause) }),
        );
    },
    [utils, failed],
  );

  const dismissFailure = useCallback(() => dispatch({ type: "dismissFailure" }), []);

  useAdminEvents((event) => {
    if (event.type === "resync") {
      reload();
      return;
    }
    // Removing a stage moved its conversations without an event per conversation: read the board again.
    if (event.type === "stages.updated") {
      if (Object.values(event.payload.moved).some((count) => count > 0)) reload();
      return;
    }
    const row = eventConversation(event);
    if (row) dispatch({ type: "rowChanged", row });
  });

  return { state, loadMore, reload, move, dismissFailure };
}
