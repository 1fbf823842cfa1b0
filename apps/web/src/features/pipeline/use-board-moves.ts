"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ConversationRow, PipelineStage } from "~/features/console/types";
import type { useStages } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { canResolve } from "~/features/resolve/can-resolve";
import type { ResolveOffer } from "~/features/resolve/offer-resolve-dialog";
import { checkMove } from "./move-check";
import type { useBoard } from "./use-board";

/**
 * Moving cards: the checks before a move (a stage that needs a reason asks for one), drag and drop,
 * the board's notice, and re-reading the stages when a move failed or named an unknown stage.
 */
export function useBoardMoves(
  board: ReturnType<typeof useBoard>,
  stagesQuery: ReturnType<typeof useStages>,
) {
  const t = useT("pipeline");
  const { stages } = stagesQuery;
  const [asking, setAsking] = useState<{ row: ConversationRow; stage: PipelineStage } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [offer, setOffer] = useState<ResolveOffer | null>(null);
  // A card landing in a final stage (Booked, Rejected) offers to resolve its conversation too.
  const offerResolve = useCallback((row: ConversationRow, stage: PipelineStage | undefined) => {
    if (stage?.final && canResolve(row.status)) {
      setOffer({ conversationId: row.conversationId, stageName: stage.name });
    }
  }, []);
  const dragged = useRef<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const requestMove = useCallback(
    (row: ConversationRow, stageId: string) => {
      const check = checkMove(stages, row.stage, stageId);
      setNotice(null);
      switch (check.kind) {
        case "same":
          return;
        case "unknownStage":
          setNotice(t.unknownStage);
          void stagesQuery.query.refetch();
          return;
        case "needsReason":
          setAsking({ row, stage: check.stage });
          return;
        case "ready":
          board.move(row.conversationId, stageId, null);
          offerResolve(
            row,
            stages.find((s) => s.id === stageId),
          );
      }
    },
    [stages, stagesQuery.query, board, t.unknownStage, offerResolve],
  );

  const dragStart = (id: string) => {
    dragged.current = id;
    setDragging(true);
  };
  const dragEnd = () => {
    dragged.current = null;
    setDragging(false);
  };
  const dropOn = (stageId: string) => {
    const id = dragged.current;
    dragEnd();
    const row = id ? board.state.rows[id] : undefined;
    const pending = id ? board.state.pending[id] : undefined;
    if (row && !pending) requestMove(row, stageId);
  };

  const failure = board.state.failure;
  const refetchStages = stagesQuery.query.refetch;
  useEffect(() => {
    // A move can fail because a colleague just removed or changed the stage: show the pipeline as it is now.
    if (failure) void refetchStages();
  }, [failure, refetchStages]);

  const giveReason = (reason: string) => {
    if (asking) {
      board.move(asking.row.conversationId, asking.stage.id, reason);
      offerResolve(asking.row, asking.stage);
    }
    setAsking(null);
  };

  return {
    requestMove,
    asking,
    giveReason,
    cancelReason: () => setAsking(null),
    offer,
    closeOffer: () => setOffer(null),
    notice,
    setNotice,
    dragging,
    dragStart,
    dragEnd,
    dropOn,
  };
}
