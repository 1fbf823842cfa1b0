"use client";

import type { ReactNode } from "react";
import { LoadMoreButton } from "./load-more-button";

/** What a console list hook (audit log, inbox) says about its pages. */
export interface CursorListState {
  loaded: boolean;
  /** Shown by the page itself, above the list; null when the last read worked. */
  error: unknown;
  nextCursor: string | null;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * A list read page by page: loading, empty, or its rows; then "Load more" while there is a next
 * page.
 */
export function CursorList({
  list,
  count,
  loadingText,
  empty,
  more,
  children,
}: {
  list: CursorListState;
  /** How many rows are loaded. */
  count: number;
  loadingText: string;
  /** What an empty list shows. */
  empty: ReactNode;
  /** The "Load more" button's test id and labels. */
  more?: { testId?: string; label?: string; loadingLabel?: string };
  children: ReactNode;
}) {
  return (
    <>
      {!list.loaded && list.error === null ? (
        <p className="muted" role="status">
          {loadingText}
        </p>
      ) : list.loaded && count === 0 ? (
        empty
      ) : (
        children
      )}
      {list.nextCursor && (
        <LoadMoreButton loading={list.loadingMore} onLoadMore={list.loadMore} {...more} />
      )}
    </>
  );
}
