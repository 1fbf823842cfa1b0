"use client";

import { useState, type DragEvent, type ReactNode } from "react";
import type { ColumnPaging } from "./board-state";
import { useT } from "~/i18n/i18n-provider";
import admin from "~/ui/admin-page.module.css";
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
  const [over, setOver] = useState(false);
  const more = paging.nextCursor !== null;
  const titleId = `stage-${stageId}-title`;

  const accept = (event: DragEvent) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!over) setOver(true);
  };

  return (
    <section
      className={styles.column}
      aria-labelledby={titleId}
      data-testid="pipeline-column"
      data-stage={stageId}
      data-over={over ? "true" : undefined}
      onDragOver={accept}
      onDragEnter={accept}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onDropCard(stageId);
      }}
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
      {paging.error && (
        <p className={styles.columnError} role="alert">
          {t.column.failed} {paging.error}
        </p>
      )}
      {!paging.loaded && !paging.error ? (
        <p className="muted" role="status">
          {t.column.loading}
        </p>
      ) : count === 0 && !more ? (
        <p className={styles.columnEmpty} data-testid="pipeline-column-empty">
          {filtered ? t.column.emptyFiltered : t.column.empty}
        </p>
      ) : null}
      <ol className={styles.cards}>{children}</ol>
      {more && (
        <button
          type="button"
          className={`${admin.button} ${styles.more}`}
          onClick={() => onLoadMore(stageId)}
          disabled={paging.loadingMore}
          data-testid="pipeline-load-more"
        >
          {paging.loadingMore ? common.actions.loading : common.actions.loadMore}
        </button>
      )}
    </section>
  );
}
