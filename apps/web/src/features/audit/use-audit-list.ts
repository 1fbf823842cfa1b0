"use client";

import { skipToken } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSessionLostOn } from "~/features/console/use-session-lost-on";
import { auditListInput, rangeProblem, type AuditFilters } from "./audit-filters";
import { trpc } from "~/lib/trpc";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log for a set of filters, newest first, with "load more" (`audit.list` pages in the query
 * cache). The admin stream carries no audit entries, so nothing is polled: a staff action on a
 * conversation (which is always audited) marks the list as stale and the page offers a refresh.
 */
export function useAuditList(filters: AuditFilters, timeZone: string) {
  const utils = trpc.useUtils();
  const input = useMemo(
    () =>
      rangeProblem(filters)
        ? null
        : { ...auditListInput(filters, timeZone), limit: AUDIT_PAGE_SIZE },
    [filters, timeZone],
  );
  const query = trpc.audit.list.useInfiniteQuery(input ?? skipToken, {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
  useSessionLostOn(query.error);
  // Stale for the list it was announced to (other filters are read afresh anyway).
  const inputKey = JSON.stringify(input);
  const [staleFor, setStaleFor] = useState<string | null>(null);

  // The API hints every audited action live (never replayed), whoever did it and whatever it touched.
  useAdminEvents((event) => {
    if (event.type === "audit.appended") setStaleFor(inputKey);
  });

  /** Read the first page again (what was loaded after it goes). */
  const reload = () => {
    setStaleFor(null);
    if (!input) return;
    utils.audit.list.setInfiniteData(input, (data) =>
      data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    void query.refetch();
  };

  const pages = query.data?.pages;
  const entries = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const { error, isFetchingNextPage, fetchNextPage } = query;
  return {
    entries,
    nextCursor: pages?.at(-1)?.nextCursor ?? null,
    loaded: pages !== undefined,
    error: error && !isUnauthorized(error) ? error : null,
    loadingMore: isFetchingNextPage,
    stale: staleFor === inputKey,
    loadMore: () => void fetchNextPage(),
    reload,
  };
}
