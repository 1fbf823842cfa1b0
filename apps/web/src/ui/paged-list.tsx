"use client";

import type { ReactNode } from "react";
import { LoadFailed } from "./load-failed";
import { LoadMoreButton } from "./load-more-button";

/** The parts of an infinite tRPC query a console list shows. */
export interface PagedQuery {
  isError: boolean;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/** A console list of pages: failed (with Retry), loading, empty, or the rows and "Load more". */
export function PagedList({
  query,
  count,
  text,
  emptyTestId,
  children,
}: {
  query: PagedQuery;
  /** How many rows are loaded; none shows `text.empty`. */
  count: number;
  text: { loadFailed: string; loading: string; empty: string };
  emptyTestId?: string;
  children: ReactNode;
}) {
  return (
    <>
      {query.isError ? (
        <LoadFailed message={text.loadFailed} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <p className="muted" role="status">
          {text.loading}
        </p>
      ) : count === 0 ? (
        <p className="muted" data-testid={emptyTestId}>
          {text.empty}
        </p>
      ) : (
        children
      )}
      {query.hasNextPage && (
        <LoadMoreButton
          loading={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      )}
    </>
  );
}
