import type { RateLimiter } from "../security/rate-limiter";
import type { Metrics } from "./metrics";

/** The same limiter; each refusal is counted. */
export function countRefusals(limiter: RateLimiter, metrics: Metrics): RateLimiter {
  const close = limiter.close?.bind(limiter);
  return {
    limit: limiter.limit,
    size: () => limiter.size(),
    ...(close ? { close } : {}),
    take(key, cost, limit) {
      const decision = limiter.take(key, cost, limit);
      if (!decision.allowed) metrics.rateLimitRefusals.inc();
      return decision;
    },
  };
}
