import { Redis } from "ioredis";
import type { Logger } from "../logger";
import { createRateLimiter, type RateDecision, type RateLimiter } from "./rate-limiter";

interface Usage {
  /** Window index (epoch ms / window) of `current`. */
  window: number;
  /** The cluster's count in this window and the one before, as Redis last answered. */
  current: number;
  previous: number;
  /** What this process charged and Redis has not confirmed yet. */
  pending: number;
}

/**
 * The rate limit across replicas: each replica's own token bucket, and on top the client's calls in the
 * whole cluster counted in Redis (INCRBY on a per-minute key, estimated over a sliding minute as
 * previous × (1 − elapsed) + current). `take` stays synchronous — socket upgrades are answered at once —
 * so it decides on the count Redis gave this replica's last charge plus what is still on its way: a
 * client spread over N replicas gets at most about N calls over its limit. Without Redis (it is down),
 * each replica's own bucket still holds.
 */
export function createClusterRateLimiter(options: {
  limit: number;
  redisUrl: string;
  log: Logger;
  windowMs?: number;
  maxKeys?: number;
}): RateLimiter & { close(): Promise<void> } {
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const local = createRateLimiter({ limit: options.limit, windowMs, maxKeys });
  const usage = new Map<string, Usage>();
  const redis = new Redis(options.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectionName: "agents-crm-api:rate-limit",
  });
  let warned = false;
  redis.on("error", (error: Error) => {
    if (!warned) options.log.warn("rate limit falls back to this replica's own count", { error });
    warned = true;
  });
  redis.on("ready", () => (warned = false));

  const usageOf = (key: string, window: number): Usage => {
    let entry = usage.get(key);
    if (entry && entry.window !== window) {
      entry = {
        window,
        current: 0,
        previous: entry.window === window - 1 ? entry.current : 0,
        pending: entry.pending,
      };
    }
    entry ??= { window, current: 0, previous: 0, pending: 0 };
    usage.delete(key);
    usage.set(key, entry);
    if (usage.size > maxKeys) {
      const oldest = usage.keys().next();
      if (!oldest.done) usage.delete(oldest.value);
    }
    return entry;
  };

  const charge = (key: string, window: number, entry: Usage, cost: number) => {
    entry.pending += cost;
    const redisKey = `agents-crm:rate:${key}:${window}`;
    const previousKey = `agents-crm:rate:${key}:${window - 1}`;
    redis
      .pipeline()
      .incrby(redisKey, cost)
      .pexpire(redisKey, windowMs * 2)
      .get(previousKey)
      .exec()
      .then((results) => {
        entry.pending = Math.max(0, entry.pending - cost);
        const current = Number(results?.[0]?.[1] ?? 0);
        const previous = Number(results?.[2]?.[1] ?? 0);
        if (entry.window === window) {
          entry.current = Math.max(entry.current, current);
          entry.previous = Math.max(entry.previous, previous);
        }
      })
      .catch(() => {
        entry.pending = Math.max(0, entry.pending - cost);
      });
  };

  return {
    limit: options.limit,
    take(key, cost = 1, limit = options.limit): RateDecision {
      const decision = local.take(key, cost, limit);
      if (!decision.allowed || redis.status !== "ready") return decision;
      const at = Date.now();
      const window = Math.floor(at / windowMs);
      const entry = usageOf(key, window);
      const elapsed = (at % windowMs) / windowMs;
      const used = entry.previous * (1 - elapsed) + entry.current + entry.pending;
      if (used + cost > limit) {
        // The previous window's share shrinks as this one goes on; a full current window waits it out.
        const retryAfterMs =
          entry.current + entry.pending + cost > limit
            ? windowMs - (at % windowMs)
            : Math.ceil(((used + cost - limit) / Math.max(1, entry.previous)) * windowMs);
        return { allowed: false, remaining: 0, retryAfterMs };
      }
      charge(key, window, entry, cost);
      return {
        allowed: true,
        remaining: Math.min(decision.remaining, Math.floor(limit - used - cost)),
        retryAfterMs: 0,
      };
    },
    size: () => local.size(),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
