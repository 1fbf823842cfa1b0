"use client";

import { useEffect, useRef } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useAdminEvents } from "~/features/console/admin-events";
import { useSession } from "~/features/console/session-context";
import { trpc } from "~/lib/trpc";
import type { StatsView } from "./stats-query";

/** Activity lands in bursts (a turn is several events): one re-read after the burst, not one per event. */
const REFRESH_AFTER_EVENT_MS = 3_000;

/**
 * The summary of the view's period in the viewer's zone (not read until the zone is known), re-read
 * once a burst of activity settles; a lost session ends the console's session.
 */
export function useStatsSummary(view: StatsView, timeZone: string | null) {
  const { sessionLost } = useSession();
  const summary = trpc.stats.summary.useQuery(
    {
      period: view.period,
      compare: view.compare,
      timezone: timeZone ?? "UTC",
      ...(view.agentId ? { agentId: view.agentId } : {}),
    },
    { enabled: timeZone !== null, placeholderData: (previous) => previous, retry: false },
  );

  useEffect(() => {
    if (summary.error && isUnauthorized(summary.error)) sessionLost();
  }, [summary.error, sessionLost]);

  // New conversations, escalations and messages change today's numbers: re-read once they settle.
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { refetch } = summary;
  useAdminEvents((event) => {
    if (event.type === "message.updated" || event.type === "audit.appended" || refresh.current) {
      return;
    }
    refresh.current = setTimeout(() => {
      refresh.current = null;
      void refetch();
    }, REFRESH_AFTER_EVENT_MS);
  });
  useEffect(
    () => () => {
      if (refresh.current) clearTimeout(refresh.current);
    },
    [],
  );
  return summary;
}
