import type { RateLimiter } from "../security/rate-limiter";
import type { Metrics } from "./metrics";

/** The same limiter; each refusal is counted. */
export function countRefusals(limiter: RateLimiter, metrics: Metrics): RateLimiter {
  return {
    limit: limiter.limit,
    size: () => limiter.size(),
    take(key, cost, limit) {
      const decision = limiter.take(key, cost, limit);
      if (!decision.allowed) metrics.rateLimitRefusals.inc();
      return decision;
    },
  };
}
