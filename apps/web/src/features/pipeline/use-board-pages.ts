"use client";

import { useCallback, useMemo, useState } from "react";
import { errorMessage } from "~/features/console/api-error";
import { useSessionLostOn } from "~/features/console/use-session-lost-on";
import type { BoardFilters } from "./board-state";
import type { BoardPage, CachedBoardPage, ColumnPages } from "./board-pages";
import { trpc } from "~/lib/trpc";

export const COLUMN_PAGE_SIZE = 20;

// Read afresh on every visit and for every filter set (the admin stream keeps only the board on screen
// current); after that the stream, not window focus, keeps it current.
const FRESH = { gcTime: 0, staleTime: 0, refetchOnWindowFocus: false, retry: false } as const;

/** The pages the board reads: each stage's first page, then one per cursor "Load more" followed. */
function wantedPages(
  filters: BoardFilters,
  stageIds: readonly string[],
  cursors: Record<string, string[]>,
) {
  return stageIds.flatMap((stage) =>
    [null, ...(cursors[stage] ?? [])].map((cursor) => ({
      stage,
      first: cursor === null,
      input: { ...filters, stage, limit: COLUMN_PAGE_SIZE, ...(cursor === null ? {} : { cursor }) },
    })),
  );
}

interface PageResult {
  data?: BoardPage;
  error: unknown;
  isFetching: boolean;
}

/** Each column's pages as its queries stand: loaded, failed, or a "Load more" on its way. */
function columnsOf(
  stageIds: readonly string[],
  wanted: readonly { stage: string }[],
  results: readonly PageResult[],
  fallback: string,
): ColumnPages[] {
  return stageIds.map((stage) => {
    const mine = wanted.flatMap((page, index) => (page.stage === stage ? [index] : []));
    const errors = mine.flatMap((index) => results[index]?.error ?? []);
    const last = errors.at(-1);
    return {
      stage,
      pages: mine.map((index) => results[index]?.data),
      error: last ? errorMessage(last, fallback) : null,
      loadingMore: mine.slice(1).some((index) => results[index]?.isFetching),
    };
  });
}

/**
 * Every column's pages of `conversations.list` as queries: the first page of each stage, then one more
 * per "Load more" (its cursor is the page before's `nextCursor`).
 */
export function useBoardPages(
  filters: BoardFilters,
  stageIds: readonly string[],
  /** What a failed page says when its error has no message. */
  fallback: string,
) {
  const key = JSON.stringify([
    filters.agentId ?? "",
    filters.channel ?? "",
    filters.label ?? "",
    ...stageIds,
  ]);
  // The cursors "Load more" followed, per stage, for this board (another filter set starts again).
  const [more, setMore] = useState<{ key: string; cursors: Record<string, string[]> }>({
    key,
    cursors: {},
  });
  const cursors = useMemo(() => (more.key === key ? more.cursors : {}), [more, key]);

  const wanted = useMemo(
    () => wantedPages(filters, stageIds, cursors),
    [filters, stageIds, cursors],
  );
  const inputs = useMemo(() => wanted.map((page) => page.input), [wanted]);
  const results = trpc.useQueries((t) =>
    wanted.map((page) => t.conversations.list(page.input, FRESH)),
  );

  const cached = useMemo<CachedBoardPage[]>(
    () =>
      wanted.map((page, index) => ({
        stage: page.stage,
        first: page.first,
        page: results[index]?.data,
      })),
    [wanted, results],
  );
  const columns = useMemo(
    () => columnsOf(stageIds, wanted, results, fallback),
    [stageIds, wanted, results, fallback],
  );
  useSessionLostOn(results.find((result) => result.error)?.error);

  const loadMore = useCallback(
    (stage: string) => {
      const mine = wanted.flatMap((page, index) => (page.stage === stage ? [index] : []));
      const lastIndex = mine.at(-1);
      const last = lastIndex === undefined ? undefined : results[lastIndex];
      if (!last || last.isFetching) return;
      // A page that failed is read again; otherwise the next one after the last page.
      if (last.isError) {
        void last.refetch();
        return;
      }
      const cursor = last.data?.nextCursor;
      if (!cursor) return;
      setMore((current) => {
        const base = current.key === key ? current.cursors : {};
        return { key, cursors: { ...base, [stage]: [...(base[stage] ?? []), cursor] } };
      });
    },
    [wanted, results, key],
  );

  /** Missed events or a changed pipeline: read every column's first page again (what was loaded after it goes). */
  const reload = useCallback(() => {
    setMore({ key, cursors: {} });
    wanted.forEach((page, index) => {
      if (page.first) void results[index]?.refetch();
    });
  }, [wanted, results, key]);

  return { key, inputs, cached, columns, loadMore, reload };
}
