import { startClusterJob, type ClusterJob } from "../cluster/cluster-job";
import type { ApiDeps } from "../deps";

/** How often expired files are looked for; a conversation's retention is hours, so minutes late is fine. */
export const FILE_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Deletes files past their conversation's retention (MESSAGE_TTL_HOURS), bytes first and then their
 * metadata, on a timer, once per cluster. DynamoDB TTL is not used for files: it would drop the metadata
 * and leave the bytes behind.
 */
export function startFileRetention(
  deps: Pick<ApiDeps, "files" | "log" | "repos" | "replicaId">,
  intervalMs = FILE_SWEEP_INTERVAL_MS,
): ClusterJob {
  return startClusterJob(deps, {
    name: "file-retention",
    intervalMs,
    run: async () => {
      // Storage down for a while: the job logs the failure and the next round tries again.
      const deleted = await deps.files.sweepExpired({ limit: 1000 });
      if (deleted > 0) deps.log.info("expired files deleted", { count: deleted });
    },
  });
}
