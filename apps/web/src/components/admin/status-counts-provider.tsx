"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useReducer,
  type ReactNode,
} from "react";
import { eventConversation } from "../../lib/admin/admin-event";
import {
  COUNT_PAGE_LIMIT,
  COUNTED_STATUSES,
  initialStatusCounts,
  statusCountsReducer,
  type StatusCountsState,
} from "../../lib/admin/status-counts";
import { trpc } from "../../lib/trpc";
import { useAdminEvents } from "./admin-events";

const StatusCountsContext = createContext<StatusCountsState>(initialStatusCounts);

/** Live counters for the sidebar and the inbox: one read per status, then the event stream. */
export function StatusCountsProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(statusCountsReducer, initialStatusCounts);
  const utils = trpc.useUtils();

  const load = useCallback(() => {
    for (const status of COUNTED_STATUSES) {
      utils.client.conversations.list
        .query({ status, limit: COUNT_PAGE_LIMIT })
        .then((page) =>
          dispatch({ type: "statusLoaded", status, rows: page.items, complete: !page.nextCursor }),
        )
        // The counter stays "not loaded"; the list itself shows the error.
        .catch(() => undefined);
    }
  }, [utils]);

  useEffect(load, [load]);

  useAdminEvents((event) => {
    if (event.type === "resync") {
      dispatch({ type: "reset" });
      load();
      return;
    }
    const row = eventConversation(event);
    if (row) dispatch({ type: "rowChanged", row });
  });

  return <StatusCountsContext.Provider value={state}>{children}</StatusCountsContext.Provider>;
}

export function useStatusCounts(): StatusCountsState {
  return useContext(StatusCountsContext);
}
