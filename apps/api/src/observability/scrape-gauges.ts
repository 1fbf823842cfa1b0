import type { Repositories } from "@agents-crm/db";
import { processMetrics } from "../server/process-metrics";
import type { Metrics } from "./metrics";

/** Cluster-wide figures cost DynamoDB queries: read at most this often, however many scrapers ask. */
const QUEUE_READ_MS = 5_000;

/**
 * Gauges read when scraped: the inbox's depth, its oldest due item's age and the dead letters (queries
 * on sparse indexes holding only live work, never scans), and this process's memory and event loop.
 */
export function collectScrapeGauges(
  metrics: Metrics,
  input: { repos: Repositories; startedAt: Date; now?: () => number },
): void {
  const now = input.now ?? Date.now;
  let readAt = -Infinity;
  metrics.registry.onCollect(async () => {
    if (now() - readAt < QUEUE_READ_MS) return;
    readAt = now();
    const inbox = input.repos.inboundEvents;
    const [depth, oldestDueAt, dead] = await Promise.all([
      inbox.countQueued(),
      inbox.oldestDueAt(),
      inbox.countDead(),
    ]);
    metrics.inboxDepth.set(undefined, depth);
    metrics.inboxOldestAge.set(
      undefined,
      oldestDueAt === null ? 0 : Math.max(0, (now() - oldestDueAt) / 1000),
    );
    metrics.deadLetters.set(undefined, dead);
  });
  metrics.registry.onCollect(() => {
    const p = processMetrics(input.startedAt);
    metrics.residentMemory.set(undefined, p.rssBytes);
    metrics.heapUsed.set(undefined, p.heapUsedBytes);
    metrics.eventLoopDelay.set(undefined, p.eventLoopDelayMs.p99 / 1000);
    metrics.uptime.set(undefined, p.uptimeSeconds);
  });
}
