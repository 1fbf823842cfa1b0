"use client";

import { createContext, useContext, useEffect, useReducer, useRef, type ReactNode } from "react";
import { eventConversation } from "~/features/console/admin-event";
import { initialStatusCounts, statusCountsReducer, type StatusCountsState } from "./status-counts";
import { trpc } from "~/lib/trpc";
import { useAdminEvents, useConsoleOpenedAt, useLiveState } from "~/features/console/admin-events";

const StatusCountsContext = createContext<StatusCountsState>(initialStatusCounts);

/** Changes often come in bursts (an escalation is a message and a status change): one read for all. */
const REREAD_DELAY_MS = 300;
const RETRY_AFTER_FAILURE_MS = 5_000;

/** Exact counters for the sidebar and the inbox: `conversations.counts`, then the event stream. */
export function StatusCountsProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(statusCountsReducer, initialStatusCounts);
  const utils = trpc.useUtils();
  const openedAt = useConsoleOpenedAt();
  const live = useLiveState();
  const wasLive = useRef(false);

  const { stale, reading, failed } = state;
  useEffect(() => {
    if (!stale || reading) return;
    const timer = setTimeout(
      () => {
        dispatch({ type: "readStarted" });
        utils.client.conversations.counts
          .query()
          .then((totals) => dispatch({ type: "read", totals }))
          // The counters keep their last value ("…" before the first) and try again a little later.
          .catch(() => dispatch({ type: "readFailed" }));
      },
      failed ? RETRY_AFTER_FAILURE_MS : REREAD_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [stale, reading, failed, utils]);

  // Back after a dropped connection: whatever the replay missed, the totals are read again.
  useEffect(() => {
    if (live === "live" && wasLive.current) dispatch({ type: "invalidate" });
    if (live === "live") wasLive.current = true;
  }, [live]);

  useAdminEvents((event, eventId) => {
    if (event.type === "resync") {
      dispatch({ type: "invalidate" });
      return;
    }
    const row = eventConversation(event);
    // A creation replayed from before the console opened may already be in the first read.
    const created = event.type === "conversation.created" && eventId >= openedAt;
    if (row) dispatch({ type: "rowChanged", row, created });
  });

  return <StatusCountsContext.Provider value={state}>{children}</StatusCountsContext.Provider>;
}

export function useStatusCounts(): StatusCountsState {
  return useContext(StatusCountsContext);
}
