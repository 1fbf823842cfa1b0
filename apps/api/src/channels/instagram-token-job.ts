import type { ApiDeps } from "../deps";
import { startClusterJob, type ClusterJob } from "../cluster/cluster-job";
import { refreshDueInstagramTokens } from "../domain/bindings/instagram-token-refresh";
import { createInstagramGraphApi } from "../platforms/instagram-graph-api";

/**
 * Hourly is plenty for 60-day tokens refreshed with 30 days left; it also means a token staff paste is
 * looked at within an hour of turning a day old.
 */
export const INSTAGRAM_TOKEN_SWEEP_MS = 60 * 60 * 1000;

/** Refreshes Instagram's long-lived tokens before they expire, on one replica of the cluster. */
export function startInstagramTokenRefresh(
  deps: Pick<ApiDeps, "env" | "repos" | "replicaId" | "log" | "hub" | "alerts">,
  intervalMs = INSTAGRAM_TOKEN_SWEEP_MS,
): ClusterJob {
  const api = createInstagramGraphApi({ baseUrl: deps.env.INSTAGRAM_GRAPH_BASE_URL });
  return startClusterJob(deps, {
    name: "instagram-token-refresh",
    intervalMs,
    async run() {
      const counts = await refreshDueInstagramTokens(deps, api);
      if (counts.refreshed + counts.failed + counts.revoked > 0) {
        deps.log.info("instagram token sweep", counts);
      }
    },
  });
}
