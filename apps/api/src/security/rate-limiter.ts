export interface RateDecision {
  allowed: boolean;
  /** Whole calls left right now. */
  remaining: number;
  /** When refused: how long until `cost` calls fit again. */
  retryAfterMs: number;
}

/**
 * Per-key token buckets (a burst of `limit`, refilled at `limit` per window), held in process memory.
 * A call may name its own `limit` (staff accounts have a larger budget than addresses); a key is always
 * taken with the same one.
 * Memory is bounded: at most `maxKeys` buckets, the least recently used evicted first (an evicted key
 * simply starts again with a full bucket). Replicas each keep their own buckets (see cluster-rate-limiter.ts for
 * the cluster-wide count with Redis).
 */
export interface RateLimiter {
  readonly limit: number;
  take(key: string, cost?: number, limit?: number): RateDecision;
  /** Buckets currently held (for tests and metrics). */
  size(): number;
  /** Closes its Redis connection (the cluster-wide limiter). */
  close?(): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs?: number;
  maxKeys?: number;
  now?: () => number;
}): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on every use keeps the least recent key first.
  const buckets = new Map<string, Bucket>();

  return {
    limit: options.limit,
    take(key, cost = 1, limit = options.limit) {
      const perMs = limit / windowMs;
      const at = now();
      const previous = buckets.get(key);
      const bucket: Bucket = previous
        ? { tokens: Math.min(limit, previous.tokens + (at - previous.at) * perMs), at }
        : { tokens: limit, at };
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
      }
      const missing = Math.min(cost, limit) - bucket.tokens;
      return { allowed: false, remaining: 0, retryAfterMs: Math.ceil(missing / perMs) };
    },
    size: () => buckets.size,
  };
}
