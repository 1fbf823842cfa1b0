import type { TableNames } from "@agents-crm/config";
import type { ApiDeps } from "../deps";
import { startInstagramTokenRefresh } from "../channels/instagram-token-job";
import { startFileRetention } from "../files/file-retention";
import { startClusterJob, type ClusterJob } from "./cluster-job";
import { startExpirySweep } from "./expiry-sweep";

/**
 * Every periodic background job of the API, each once per cluster (startClusterJob): re-alerts and
 * snooze wake-ups, file retention, and the expiry sweep where no TTL deletes expired items. Inbox work
 * (webhook events, deliveries, media downloads, retries) is not here: its items carry leases of their own.
 */
export function startBackgroundJobs(
  deps: ApiDeps,
  options: { tablesWithoutTtl: (keyof TableNames)[] },
): { stop(): Promise<void> } {
  const jobs: ClusterJob[] = [
    startClusterJob(deps, {
      name: "realert-sweep",
      intervalMs: deps.alerts.sweepIntervalMs,
      run: () => deps.alerts.sweep(),
      runAtStart: false,
    }),
    startFileRetention(deps),
    startInstagramTokenRefresh(deps),
  ];
  const expiry = startExpirySweep(deps, options.tablesWithoutTtl);
  if (expiry) jobs.push(expiry);
  return {
    stop: async () => {
      await Promise.all(jobs.map((job) => job.stop()));
    },
  };
}
