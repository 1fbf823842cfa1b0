import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger";
import { createClusterRateLimiter } from "../src/security/cluster-rate-limiter";
import { startRedisServer, type RedisServer } from "./helpers/redis-server";

// Three replicas' limiters on one real redis-server: a client's calls count across all of them.

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());

const replicas = (count: number, limit: number) =>
  Array.from({ length: count }, () =>
    createClusterRateLimiter({ limit, redisUrl: redis.url, log: silentLogger }),
  );

/** ioredis connects at construction; decisions count cluster-wide once it is ready. */
const ready = () => sleep(300);

describe("the rate limit across replicas (Redis)", () => {
  it("a client spread round-robin over three replicas gets its limit once, not three times", async () => {
    const limiters = replicas(3, 20);
    await ready();
    let allowed = 0;
    for (let i = 0; i < 90; i++) {
      if (limiters[i % 3]!.take("address:203.0.113.7").allowed) allowed++;
      await sleep(2);
    }
    // Each replica decides on Redis's last answer: at most one call per replica over the limit.
    expect(allowed).toBeGreaterThanOrEqual(20);
    expect(allowed).toBeLessThanOrEqual(23);
    // Another client has its own budget.
    expect(limiters[1]!.take("address:198.51.100.1").allowed).toBe(true);
    await Promise.all(limiters.map((l) => l.close()));
  });

  it("without Redis each replica still holds its own limit", async () => {
    const [limiter] = replicas(1, 5);
    await sleep(100);
    await redis.stop();
    await sleep(100);
    let allowed = 0;
    for (let i = 0; i < 10; i++) if (limiter!.take("address:192.0.2.1").allowed) allowed++;
    expect(allowed).toBe(5);
    await limiter!.close();
    await redis.restart();
  });
});
