"use client";

import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { eventConversation } from "~/features/console/admin-event";
import {
  countRowChange,
  eventTiming,
  type KnownRows,
  type ReadWindow,
  type StatusTotals,
} from "./status-counts";
import { trpc } from "~/lib/trpc";
import { useAdminEvents, useLiveState } from "~/features/console/admin-events";

const StatusCountsContext = createContext<StatusTotals | null>(null);

/** Changes often come in bursts (an escalation is a message and a status change): one read for all. */
const REREAD_DELAY_MS = 300;
const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * Exact counters for the sidebar and the inbox: `conversations.counts` in the query cache, moved by
 * the event stream (see `countRowChange`) and read again when an event cannot be counted.
 */
export function StatusCountsProvider({ children }: { children: ReactNode }) {
  const utils = trpc.useUtils();
  const counts = trpc.conversations.counts.useQuery(undefined, {
    // Read when the console opens; then the event stream keeps the totals current, and they are read
    // again only when it cannot.
    refetchOnMount: "always",
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // The counters keep their last value ("…" before the first) and try again a little later.
    retry: true,
    retryDelay: RETRY_AFTER_FAILURE_MS,
  });
  const live = useLiveState();
  const known = useRef<KnownRows>(new Map());
  const rereadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reread = () => {
    clearTimeout(rereadTimer.current);
    // A read on its way is cancelled and started again: it may not include the change.
    rereadTimer.current = setTimeout(
      () => void utils.conversations.counts.invalidate(),
      REREAD_DELAY_MS,
    );
  };
  useEffect(() => () => clearTimeout(rereadTimer.current), []);

  // When the totals were read, so an event replayed from before the read is not counted twice.
  const read = useRef<ReadWindow | null>(null);
  useEffect(() => {
    if (counts.isFetching) read.current = { startedAt: Date.now() };
    else if (read.current) read.current = { ...read.current, endedAt: Date.now() };
  }, [counts.isFetching]);

  // Back after a dropped connection: whatever the replay missed, the totals are read again.
  const wasLive = useRef(false);
  useEffect(() => {
    if (live === "live" && wasLive.current) void utils.conversations.counts.invalidate();
    if (live === "live") wasLive.current = true;
  }, [live, utils]);

  useAdminEvents((event, eventId) => {
    if (event.type === "resync") {
      reread();
      return;
    }
    const row = eventConversation(event);
    if (!row) return;
    const created = event.type === "conversation.created";
    const totals = utils.conversations.counts.getData() ?? null;
    const timing = eventTiming(eventId, counts.isFetching ? null : read.current);
    const change = countRowChange(known.current, totals, row, created, timing);
    known.current = change.known;
    if (change.totals) utils.conversations.counts.setData(undefined, change.totals);
    if (change.reread) reread();
  });

  return (
    <StatusCountsContext.Provider value={counts.data ?? null}>
      {children}
    </StatusCountsContext.Provider>
  );
}

/** The totals per status; null until the first read. */
export function useStatusCounts(): StatusTotals | null {
  return useContext(StatusCountsContext);
}
