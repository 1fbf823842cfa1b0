import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../src/security/rate-limiter";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createRateLimiter", () => {
  it("allows a burst of `limit` calls, then refuses with the time until the next one fits", () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
    expect([1, 2, 3].map(() => limiter.take("ip").allowed)).toEqual([true, true, true]);
    const refused = limiter.take("ip");
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 20_000 });
    time.advance(10_000);
    expect(limiter.take("ip").retryAfterMs).toBe(10_000);
    time.advance(10_000);
    expect(limiter.take("ip")).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("refills continuously up to the limit, never beyond", () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 60, now: time.now });
    for (let i = 0; i < 60; i++) limiter.take("ip");
    time.advance(30_000);
    expect(limiter.take("ip").remaining).toBe(29);
    time.advance(10 * 60_000);
    expect(limiter.take("ip").remaining).toBe(59);
  });

  it("keeps keys apart and charges a batch its cost", () => {
    const limiter = createRateLimiter({ limit: 5, now: clock().now });
    expect(limiter.take("a", 4)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take("a", 2).allowed).toBe(false);
    expect(limiter.take("b", 5).allowed).toBe(true);
    expect(limiter.take("a", 1).allowed).toBe(true);
  });

  it("holds at most maxKeys buckets, evicting the least recently used", () => {
    const limiter = createRateLimiter({ limit: 1, maxKeys: 3, now: clock().now });
    for (const key of ["a", "b", "c"]) limiter.take(key);
    limiter.take("a"); // a is now the most recent: b is the eviction candidate
    limiter.take("d");
    expect(limiter.size()).toBe(3);
    expect(limiter.take("a").allowed).toBe(false); // still tracked, still empty
    expect(limiter.take("b").allowed).toBe(true); // was evicted: starts afresh
    for (let i = 0; i < 10_000; i++) limiter.take(`ip-${i}`);
    expect(limiter.size()).toBe(3);
  });
});

describe("per-call limits", () => {
  it("gives each key the budget it is taken with (staff accounts get more than addresses)", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, now: () => now });
    const taken = (key: string, limit?: number) =>
      Array.from({ length: 6 }, () => limiter.take(key, 1, limit).allowed).filter(Boolean).length;
    expect(taken("address:1")).toBe(2);
    expect(taken("staff:ada", 5)).toBe(5);
    now += 12_000; // a fifth of the window refills a fifth of each budget
    expect(limiter.take("staff:ada", 1, 5).allowed).toBe(true);
    expect(limiter.take("staff:ada", 1, 5).allowed).toBe(false);
  });
});
