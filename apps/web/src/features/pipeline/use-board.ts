"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { eventConversation } from "~/features/console/admin-event";
import { isUnauthorized, errorMessage } from "~/features/console/api-error";
import type { ConversationRow } from "~/features/console/types";
import type { BoardFilters } from "./board-state";
import {
  boardFromPages,
  moveAnswered,
  moveRefused,
  NO_MOVES,
  placeBoardRow,
  type BoardMoves,
} from "./board-pages";
import { useBoardPages } from "./use-board-pages";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSession } from "~/features/console/session-context";

/**
 * The board's cards: every stage's pages in the query cache, kept current by the admin stream, which
 * writes changed rows into the cached pages (no polling), and optimistic moves through
 * `conversations.setStage` (an overlay on the cached row until the server answers).
 */
export function useBoard(filters: BoardFilters, stageIds: readonly string[]) {
  const utils = trpc.useUtils();
  const { sessionLost } = useSession();
  const common = useT("common");
  const failed = useCallback(
    (cause: unknown) => {
      if (isUnauthorized(cause)) sessionLost();
      return errorMessage(cause, common.errors.generic);
    },
    [sessionLost, common.errors.generic],
  );
  const pages = useBoardPages(filters, stageIds, common.errors.generic);
  const [moves, setMoves] = useState<BoardMoves>(NO_MOVES);

  // Rows announced before any page arrived wait for one (that page may predate them).
  const early = useRef<ConversationRow[]>([]);
  const { cached, inputs } = pages;
  const writeRow = useCallback(
    (row: ConversationRow) => {
      const changed = placeBoardRow(cached, row, filters);
      if (!changed) early.current.push(row);
      for (const [index, page] of changed ?? []) {
        const input = inputs[index];
        if (input) utils.conversations.list.setData(input, page);
      }
    },
    [cached, inputs, filters, utils],
  );
  useEffect(() => {
    if (early.current.length === 0 || !cached.some((entry) => entry.page)) return;
    const rows = early.current;
    early.current = [];
    for (const row of rows) writeRow(row);
  }, [cached, writeRow]);
  const boardKey = pages.key;
  useEffect(() => {
    early.current = [];
  }, [boardKey]);

  const setStage = trpc.conversations.setStage.useMutation({
    onSuccess: (row) => {
      writeRow(row);
      setMoves((current) => moveAnswered(current, row.conversationId));
    },
    onError: (cause, { conversationId }) =>
      setMoves((current) => moveRefused(current, conversationId, failed(cause))),
  });

  const state = useMemo(
    () => boardFromPages(filters, stageIds, pages.columns, moves),
    [filters, stageIds, pages.columns, moves],
  );

  const move = (conversationId: string, stage: string, rejectionReason: string | null) => {
    // One move per card at a time: the second would race the first's answer.
    if (!state.rows[conversationId] || moves.pending[conversationId]) return;
    setMoves((current) => ({
      pending: { ...current.pending, [conversationId]: { stage, rejectionReason } },
      failure: null,
    }));
    setStage.mutate({ conversationId, stage, rejectionReason });
  };

  const dismissFailure = () => setMoves((current) => ({ ...current, failure: null }));

  const { reload } = pages;
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
    if (row) writeRow(row);
  });

  return { state, loadMore: pages.loadMore, reload, move, dismissFailure };
}
