import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/test-api";

const TOKEN = "metrics-test-token-0123456789abcdef";
let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ ADMIN_TOKEN: TOKEN });
});

afterAll(async () => {
  await t.close();
});

const metrics = (headers: Record<string, string> = {}) =>
  fetch(`${t.url}/trpc/system.metrics`, { headers });

describe("system.metrics: the process's memory and event-loop delay, for operators and the soak bench", () => {
  it("reports RSS, heap and the event loop's delay to the machine token", async () => {
    // Something for the monitor to have seen: a loop blocked for 60 ms.
    await metrics({ authorization: `Bearer ${TOKEN}` });
    const until = Date.now() + 60;
    while (Date.now() < until) {
      // busy: the event loop cannot turn
    }
    await new Promise((r) => setTimeout(r, 50));
    const res = await metrics({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      result: { data: { json: Record<string, unknown> } };
    };
    const m = body.result.data.json as {
      rssBytes: number;
      heapUsedBytes: number;
      uptimeSeconds: number;
      eventLoopDelayMs: { p50: number; p99: number; max: number; windowSeconds: number };
    };
    expect(m.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(m.heapUsedBytes).toBeGreaterThan(0);
    expect(m.eventLoopDelayMs.max).toBeGreaterThanOrEqual(50);
    expect(m.eventLoopDelayMs.p99).toBeGreaterThan(0);
    expect(m.eventLoopDelayMs.windowSeconds).toBeLessThan(30);
  });

  it("is refused to anonymous callers", async () => {
    expect((await metrics()).status).toBe(401);
  });
});
