"use client";

import { useEffect } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { trpc } from "~/lib/trpc";
import type { StatsView } from "./stats-query";
import { useRefetchAfterActivity } from "./use-refetch-after-activity";

/** The procedures' shared input: the view's period in the viewer's zone. */
export const statsInput = (view: StatsView, timeZone: string | null) => ({
  period: view.period,
  compare: view.compare,
  timezone: timeZone ?? "UTC",
  ...(view.agentId ? { agentId: view.agentId } : {}),
});

/**
 * The summary of the view's period in the viewer's zone (not read until the zone is known), re-read
 * once a burst of activity settles; a lost session ends the console's session.
 */
export function useStatsSummary(view: StatsView, timeZone: string | null) {
  const { sessionLost } = useSession();
  const summary = trpc.stats.summary.useQuery(statsInput(view, timeZone), {
    enabled: timeZone !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });

  useEffect(() => {
    if (summary.error && isUnauthorized(summary.error)) sessionLost();
  }, [summary.error, sessionLost]);

  // New conversations, escalations and messages change today's numbers: re-read once they settle.
  useRefetchAfterActivity(summary.refetch);
  return summary;
}
