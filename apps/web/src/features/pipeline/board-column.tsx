"use client";

import { Button } from "~/ui/button";
import { useState, type DragEvent, type ReactNode } from "react";
import type { ColumnPaging } from "./board-state";
import { useT } from "~/i18n/i18n-provider";
import styles from "./pipeline.module.css";

/** A stage's column and drop target; its cards come as children. */
export function BoardColumn({
  stageId,
  name,
  color,
  count,
  paging,
  filtered,
  dragging,
  onDropCard,
  onLoadMore,
  children,
}: {
  stageId: string;
  name: string;
  color: string;
  count: number;
  paging: ColumnPaging;
  filtered: boolean;
  /** A card is being dragged (drop targets only accept the board's own cards). */
  dragging: boolean;
  onDropCard: (stageId: string) => void;
  onLoadMore: (stageId: string) => void;
  children: ReactNode;
}) {
  const t = useT("pipeline");
  const common = useT("common");
  const { over, dropTarget } = useDropTarget(dragging, () => onDropCard(stageId));
  const more = paging.nextCursor !== null;
  const titleId = `stage-${stageId}-title`;

  return (
    <section
      className={styles.column}
      aria-labelledby={titleId}
      data-testid="pipeline-column"
      data-stage={stageId}
      data-over={over ? "true" : undefined}
      {...dropTarget}
    >
      <header className={styles.columnHeader} style={{ borderTopColor: color }}>
        <span className={styles.dot} style={{ background: color }} aria-hidden />
        <h2 id={titleId}>{name}</h2>
        <span
          className={styles.count}
          aria-label={t.column.countLabel(count, more)}
          data-testid="pipeline-column-count"
        >
          {t.column.count(count, more)}
        </span>
      </header>
      {over && <p className={styles.dropHint}>{t.column.dropHere(name)}</p>}
      <ColumnStatus paging={paging} empty={count === 0 && !more} filtered={filtered} />
      <ol className={styles.cards}>{children}</ol>
      {more && (
        <Button
          className={styles.more}
          onClick={() => onLoadMore(stageId)}
          disabled={paging.loadingMore}
          data-testid="pipeline-load-more"
        >
          {paging.loadingMore ? common.actions.loading : common.actions.loadMore}
        </Button>
      )}
    </section>
  );
}

/**
 * A drop target for the board's own cards (only while one is being dragged): `over` while a card is
 * above it, for the highlight and the hint.
 */
function useDropTarget(dragging: boolean, onDrop: () => void) {
  const [over, setOver] = useState(false);
  const accept = (event: DragEvent) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!over) setOver(true);
  };
  return {
    over,
    dropTarget: {
      onDragOver: accept,
      onDragEnter: accept,
      onDragLeave: (event: DragEvent) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      },
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        setOver(false);
        onDrop();
      },
    },
  };
}

/** The column's failure, first load or emptiness. */
function ColumnStatus({
  paging,
  empty,
  filtered,
}: {
  paging: ColumnPaging;
  empty: boolean;
  filtered: boolean;
}) {
  const t = useT("pipeline").column;
  return (
    <>
      {paging.error && (
        <p className={styles.columnError} role="alert">
          {t.failed} {paging.error}
        </p>
      )}
      {!paging.loaded && !paging.error ? (
        <p className="muted" role="status">
          {t.loading}
        </p>
      ) : empty ? (
        <p className={styles.columnEmpty} data-testid="pipeline-column-empty">
          {filtered ? t.emptyFiltered : t.empty}
        </p>
      ) : null}
    </>
  );
}
