"use client";

import { Notice } from "~/ui/notice";
import { Button } from "~/ui/button";
import type { ReactNode } from "react";
import type { useStages } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { LoadFailed } from "~/ui/load-failed";
import { BoardColumn } from "./board-column";
import type { BoardColumn as Column, MoveFailure } from "./board-state";
import styles from "./pipeline.module.css";

/** The stage columns once the stages are known (their failure or loading state until then). */
export function BoardGrid({
  stagesQuery,
  columns,
  filtered,
  dragging,
  onDropCard,
  onLoadMore,
  cards,
}: {
  stagesQuery: ReturnType<typeof useStages>;
  columns: Column[];
  filtered: boolean;
  dragging: boolean;
  onDropCard: (stageId: string) => void;
  onLoadMore: (stageId: string) => void;
  cards: (column: Column) => ReactNode;
}) {
  const t = useT("pipeline");
  if (stagesQuery.query.isError) {
    return <LoadFailed message={t.stagesFailed} onRetry={() => void stagesQuery.query.refetch()} />;
  }
  if (stagesQuery.stages.length === 0) {
    return (
      <p className="muted" role="status">
        {t.loadingStages}
      </p>
    );
  }
  return (
    <div className={styles.board} data-testid="pipeline-board">
      {columns.map((column) => {
        const stage = stagesQuery.byId.get(column.stageId);
        return (
          <BoardColumn
            key={column.stageId}
            stageId={column.stageId}
            name={stage?.name ?? column.stageId}
            color={stage?.color ?? "#999999"}
            count={column.rows.length}
            paging={column.paging}
            filtered={filtered}
            dragging={dragging}
            onDropCard={onDropCard}
            onLoadMore={onLoadMore}
          >
            {cards(column)}
          </BoardColumn>
        );
      })}
    </div>
  );
}

/** A move the server refused; the card is already back where the server says it is. */
export function MoveFailed({
  failure,
  stageName,
  onDismiss,
}: {
  failure: MoveFailure;
  stageName: string;
  onDismiss: () => void;
}) {
  const t = useT("pipeline");
  return (
    <Notice tone="danger" role="alert" data-testid="move-failed">
      {t.moveFailed(stageName, failure.message)}{" "}
      <Button variant="link" onClick={onDismiss}>
        {t.dismiss}
      </Button>
    </Notice>
  );
}
