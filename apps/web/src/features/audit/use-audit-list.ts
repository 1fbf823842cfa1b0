"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { auditListInput, rangeProblem, type AuditFilters } from "./audit-filters";
import type { AuditEntry } from "./types";
import { trpc } from "~/lib/trpc";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSession } from "~/features/console/session-context";

export const AUDIT_PAGE_SIZE = 50;

interface ListState {
  entries: AuditEntry[];
  nextCursor: string | null;
  loaded: boolean;
}

const EMPTY: ListState = { entries: [], nextCursor: null, loaded: false };

/**
 * The audit log for a set of filters, newest first, with "load more". The admin stream carries no
 * audit entries, so nothing is polled: a staff action on a conversation (which is always audited)
 * marks the list as stale and the page offers a refresh.
 */
export function useAuditList(filters: AuditFilters, timeZone: string) {
  const utils = trpc.useUtils();
  const { sessionLost } = useSession();
  const [state, setState] = useState<ListState>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [stale, setStale] = useState(false);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);

  const fail = useCallback(
    (cause: unknown) => {
      if (isUnauthorized(cause)) sessionLost();
      else setError(cause);
    },
    [sessionLost],
  );

  useEffect(() => {
    const mine = ++generation.current;
    setState(EMPTY);
    setError(null);
    setStale(false);
    if (rangeProblem(filters)) return;
    utils.client.audit.list
      .query({ ...auditListInput(filters, timeZone), limit: AUDIT_PAGE_SIZE })
      .then((page) => {
        if (generation.current !== mine) return;
        setState({ entries: page.items, nextCursor: page.nextCursor ?? null, loaded: true });
      })
      .catch((cause: unknown) => {
        if (generation.current === mine) fail(cause);
      });
  }, [filters, timeZone, reloads, utils, fail]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    utils.client.audit.list
      .query({ ...auditListInput(filters, timeZone), cursor, limit: AUDIT_PAGE_SIZE })
      .then((page) => {
        if (generation.current !== mine) return;
        setState((s) => ({
          entries: [...s.entries, ...page.items],
          nextCursor: page.nextCursor ?? null,
          loaded: true,
        }));
      })
      .catch(fail)
      .finally(() => setLoadingMore(false));
  }, [state.nextCursor, filters, timeZone, utils, fail]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  // The API hints every audited action live (never replayed), whoever did it and whatever it touched.
  useAdminEvents((event) => {
    if (event.type === "audit.appended") setStale(true);
  });

  return { ...state, error, loadingMore, stale, loadMore, reload };
}
