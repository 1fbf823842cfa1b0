import { describe, expect, it } from "vitest";
import { backoffMs, nextRetryDelayMs, retry } from "../src/retry";

describe("backoffMs", () => {
  it("doubles from the base per failure, up to the cap", () => {
    const delays = [1, 2, 3, 4, 5].map((n) => backoffMs(n, { baseMs: 100, maxMs: 1000 }));
    expect(delays).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffMs(60, { baseMs: 100 })).toBe(100 * 2 ** 59);
  });

  it("spreads the delay with full, equal or additive jitter", () => {
    const low = () => 0;
    const high = () => 0.999;
    const backoff = { baseMs: 100, maxMs: 1000 };
    expect(backoffMs(3, { ...backoff, jitter: "full" }, low)).toBe(0);
    expect(backoffMs(3, { ...backoff, jitter: "full" }, high)).toBeCloseTo(399.6);
    expect(backoffMs(3, { ...backoff, jitter: "equal" }, low)).toBe(200);
    expect(backoffMs(3, { ...backoff, jitter: "equal" }, high)).toBeCloseTo(399.8);
    expect(backoffMs(3, { ...backoff, jitter: { addUpToMs: 100 } }, low)).toBe(400);
    expect(backoffMs(3, { ...backoff, jitter: { addUpToMs: 100 } }, high)).toBe(499);
  });
});

describe("nextRetryDelayMs", () => {
  const schedule = { maxAttempts: 3, baseMs: 100 };

  it("prefers the server's wait, and stops when the attempts are used up", () => {
    expect(nextRetryDelayMs(1, schedule)).toBe(100);
    expect(nextRetryDelayMs(2, schedule, 5_000)).toBe(5_000);
    expect(nextRetryDelayMs(3, schedule, 5_000)).toBeNull();
  });
});

describe("retry", () => {
  it("retries until the attempt succeeds, waiting what delayMs says", async () => {
    const waits: number[] = [];
    const seen: number[] = [];
    const value = await retry(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw new Error(`failure ${attempt}`);
        return "done";
      },
      {
        delayMs: (_, attempt) => attempt * 10,
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
    expect(value).toBe("done");
    expect(seen).toEqual([1, 2, 3]);
    expect(waits).toEqual([10, 20]);
  });

  it("throws the failure when delayMs gives up, or what delayMs throws; 0 retries at once", async () => {
    const sleep = async () => {
      throw new Error("must not wait");
    };
    let calls = 0;
    await expect(
      retry(
        () => {
          calls++;
          return Promise.reject(new Error(`failure ${calls}`));
        },
        { delayMs: (_, attempt) => (attempt < 2 ? 0 : null), sleep },
      ),
    ).rejects.toThrow("failure 2");
    await expect(
      retry(() => Promise.reject(new Error("raw")), {
        delayMs: () => {
          throw new Error("classified");
        },
      }),
    ).rejects.toThrow("classified");
  });
});
