"use client";

import { Notice } from "~/ui/notice";
import { Button } from "~/ui/button";
import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n-provider";
import styles from "./channels.module.css";

/**
 * A list read from the API: loading, its failure (with Retry when there is one), its empty text, or
 * the list itself.
 */
export function ListStates({
  query,
  count,
  failed,
  onRetry,
  empty,
  emptyTestId,
  children,
}: {
  query: { isPending: boolean; error: { message: string } | null };
  count: number;
  failed: string;
  onRetry?: () => void;
  empty: string;
  emptyTestId: string;
  children: ReactNode;
}) {
  const common = useT("common");
  if (query.isPending) return <p className="muted">{common.actions.loading}</p>;
  if (query.error) {
    return (
      <Notice tone="danger" look="text" role="alert">
        {failed} {query.error.message}
        {onRetry && (
          <>
            {" "}
            <Button onClick={onRetry}>{common.actions.retry}</Button>
          </>
        )}
      </Notice>
    );
  }
  if (count === 0) {
    return (
      <p className="muted" data-testid={emptyTestId}>
        {empty}
      </p>
    );
  }
  return <ul className={styles.list}>{children}</ul>;
}
