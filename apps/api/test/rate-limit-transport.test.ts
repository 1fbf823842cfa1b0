import { createTRPCClient, createWSClient, TRPCClientError, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../src/router";
import { startTestApi, type TestApi } from "./helpers/test-api";

let t: TestApi;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  // Behind one trusted proxy, so each test can be its own client address.
  t = await startTestApi({ RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" });
});
afterAll(async () => {
  await t.close();
});

const health = (ip: string, extra: Record<string, string> = {}) =>
  fetch(`${t.url}/trpc/system.health`, { headers: { "x-forwarded-for": ip, ...extra } });

function socketFrom(ip: string) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { "x-forwarded-for": ip } });
    }
  };
}

function wsClientFrom(ip: string) {
  const wsClient = createWSClient({
    url: t.wsUrl,
    WebSocket: socketFrom(ip) as unknown as typeof globalThis.WebSocket,
  });
  return {
    wsClient,
    client: createTRPCClient<AppRouter>({
      links: [wsLink({ client: wsClient, transformer: superjson })],
    }),
  };
}

describe("HTTP", () => {
  it("answers 429 JSON with Retry-After once an address spends its budget", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await health(ip)).status).toBe(200);
    const refused = await health(ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBe(20);
    expect(await refused.json()).toEqual({
      error: { code: "TOO_MANY_REQUESTS", message: "Too many requests. Please try again later." },
    });
    expect((await health(freshIp())).status).toBe(200);
  });

  it("charges a batch one call per procedure", async () => {
    const ip = freshIp();
    const batch = await fetch(
      `${t.url}/trpc/system.health,system.health?batch=1&input=${encodeURIComponent("{}")}`,
      { headers: { "x-forwarded-for": ip } },
    );
    expect(batch.status).toBe(200);
    expect((await health(ip)).status).toBe(200);
    expect((await health(ip)).status).toBe(429);
  });

  it("never limits /health, /docs or webhooks", async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await health(ip);
    for (const path of ["/health", "/docs.json", "/api/v1/telegram/webhook/some-binding"]) {
      const res = await fetch(`${t.url}${path}`, {
        method: path.startsWith("/api") ? "POST" : "GET",
        headers: { "x-forwarded-for": ip, "content-type": "application/json" },
        body: path.startsWith("/api") ? "{}" : undefined,
      });
      expect(res.status, path).not.toBe(429);
    }
  });

  it("uses the address the trusted proxy saw, not one the client claims", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await health(ip);
    // A spoofed left-most entry does not buy a fresh budget: the proxy appends the real address.
    expect((await health(`10.9.9.${ipCounter}, ${ip}`)).status).toBe(429);
  });
});

describe("without a trusted proxy", () => {
  it("ignores X-Forwarded-For entirely", async () => {
    const direct = await startTestApi({ RATE_LIMIT_PER_MINUTE: "2" });
    try {
      const call = (ip: string) =>
        fetch(`${direct.url}/trpc/system.health`, { headers: { "x-forwarded-for": ip } });
      expect((await call("1.1.1.1")).status).toBe(200);
      expect((await call("2.2.2.2")).status).toBe(200);
      expect((await call("3.3.3.3")).status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});

describe("WebSocket", () => {
  it("refuses calls past the budget with TOO_MANY_REQUESTS and a retry time", async () => {
    const { wsClient, client } = wsClientFrom(freshIp());
    try {
      // Opening the socket spent one call of the three.
      for (let i = 0; i < 2; i++) await client.system.health.query();
      const error = await client.system.health.query().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      const data = (error as TRPCClientError<AppRouter>).data;
      expect(data?.code).toBe("TOO_MANY_REQUESTS");
      expect(data?.retryAfterSeconds).toBe(20);
    } finally {
      await wsClient.close();
    }
  });

  it("shares the address's budget with HTTP: an exhausted address cannot open sockets", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await health(ip);
    const ws = new (socketFrom(ip))(t.wsUrl);
    const outcome = await new Promise<string>((resolve) => {
      ws.once("open", () => resolve("open"));
      ws.once("unexpected-response", (_req, res) =>
        resolve(`${res.statusCode} retry-after=${res.headers["retry-after"]}`),
      );
    });
    expect(outcome).toBe("429 retry-after=20");
    ws.on("error", () => {}); // terminating a socket that never opened reports an error
    ws.terminate();
  });

  it("closes a socket that floods (1008) instead of answering every frame", async () => {
    const ws = new (socketFrom(freshIp()))(t.wsUrl);
    await new Promise((resolve) => ws.once("open", resolve));
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    for (let i = 0; i < 10; i++) ws.send("garbage");
    expect(await closed).toBe(1008);
  });
});
