import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../src/router";
import { startTestApi, type TestApi } from "./helpers/test-api";

let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ ADMIN_TOKEN: "test-token-0123456789abcdef" });
});

afterAll(async () => {
  await t.close();
});

async function waitUntil(check: () => boolean, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("transport", () => {
  it("answers /health with the design's contract", async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "healthy", version: "0.1.0", environment: "test" });
  });

  it("answers unknown paths with a JSON 404", async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  it("serves a query over HTTP at /trpc with superjson", async () => {
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${t.url}/trpc`, transformer: superjson })],
    });
    const health = await client.system.health.query();
    expect(health.status).toBe("healthy");
    expect(health.database).toBe("reachable");
    const cards = await client.agents.cards.query({ limit: 10 });
    expect(cards).toEqual({ items: [], nextCursor: null });
  });

  it("reports bad input as BAD_REQUEST with the failing field", async () => {
    const res = await fetch(
      `${t.url}/trpc/agents.cards?input=${encodeURIComponent(JSON.stringify({ json: { limit: 1000 } }))}`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { json: { data: { code: string; issues: { path: string }[] } } };
    };
    expect(body.error.json.data.code).toBe("BAD_REQUEST");
    expect(body.error.json.data.issues[0]?.path).toBe("limit");
  });

  it("streams a subscription over WebSocket on the same port and cleans up after unsubscribe", async () => {
    const wsClient = createWSClient({
      url: t.wsUrl,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    const client = createTRPCClient<AppRouter>({
      links: [wsLink({ client: wsClient, transformer: superjson })],
    });
    const events: { id: string; serverTime: Date }[] = [];
    const subscription = client.system.onStatus.subscribe(
      { intervalMs: 1_000 },
      { onData: (event) => events.push({ id: event.id, serverTime: event.data.serverTime }) },
    );
    await waitUntil(() => events.length >= 3, 10_000);
    expect(events[0]?.serverTime).toBeInstanceOf(Date);
    expect(Number(events[2]?.id)).toBeGreaterThan(Number(events[0]?.id));
    expect(t.api.wss.clients.size).toBe(1);

    subscription.unsubscribe();
    const count = events.length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(events.length).toBe(count);

    await wsClient.close();
    await waitUntil(() => t.api.wss.clients.size === 0);
  });

  it("refuses WebSocket upgrades on other paths", async () => {
    const ws = new WebSocket(t.wsUrl.replace("/trpc", "/elsewhere"));
    const outcome = await new Promise<string>((resolve) => {
      ws.on("open", () => resolve("open"));
      ws.on("error", () => resolve("refused"));
    });
    expect(outcome).toBe("refused");
  });
});

describe("graceful shutdown", () => {
  it("closes open sockets and stops listening", async () => {
    const other = await startTestApi();
    const ws = new WebSocket(other.wsUrl);
    await new Promise((resolve) => ws.on("open", resolve));
    const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    await other.close();
    expect(await closed).toBe(1001);
    await expect(fetch(`${other.url}/health`)).rejects.toThrow();
  });

  it("reports 503 while the database is unreachable", async () => {
    const other = await startTestApi();
    await other.deps.db.close();
    const res = await fetch(`${other.url}/health`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { status: string }).status).toBe("unhealthy");
    await other.api.close({ timeoutMs: 500 });
  });
});
