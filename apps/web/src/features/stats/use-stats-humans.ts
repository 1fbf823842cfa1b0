"use client";

import { trpc } from "~/lib/trpc";
import type { StatsView } from "./stats-query";
import { useRefetchAfterActivity } from "./use-refetch-after-activity";
import { statsInput } from "./use-stats-summary";

/** The front desk's numbers for the same view as the summary; take-overs and replies re-read them. */
export function useStatsHumans(view: StatsView, timeZone: string | null) {
  const humans = trpc.stats.humans.useQuery(statsInput(view, timeZone), {
    enabled: timeZone !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
  useRefetchAfterActivity(humans.refetch);
  return humans;
}
