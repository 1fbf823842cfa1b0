import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../src/observability/metrics";
import { startMetricsServer } from "../src/observability/metrics-server";
import { callTrpc } from "./helpers/api-process";
import { createAgent } from "./helpers/chat-kit";
import { startTestApi, type TestApi } from "./helpers/test-api";

const TOKEN = "metrics-token-0123456789abcdef";

/** The value of one sample line `name{labels} value` (labels in the registry's order), 0 if absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("the exposition format", () => {
  it("writes counters, gauges and cumulative histogram buckets with escaped labels", async () => {
    const metrics = createMetrics();
    metrics.turns.inc({ channel: "web_chat", outcome: "replied" });
    metrics.turns.inc({ channel: "web_chat", outcome: "replied" }, 2);
    metrics.info.set({ replica: 'a"b\\c\nd', version: "1" }, 1);
    metrics.turnDuration.observe({ channel: "web_chat" }, 0.03);
    metrics.turnDuration.observe({ channel: "web_chat" }, 7);
    const text = await metrics.registry.expose();
    expect(text).toContain("# TYPE agents_crm_turns_total counter");
    expect(sample(text, 'agents_crm_turns_total{channel="web_chat",outcome="replied"}')).toBe(3);
    expect(text).toContain('agents_crm_replica_info{replica="a\\"b\\\\c\\nd",version="1"} 1');
    const bucket = (le: string) =>
      sample(text, `agents_crm_turn_duration_seconds_bucket{channel="web_chat",le="${le}"}`);
    expect([bucket("0.025"), bucket("0.05"), bucket("5"), bucket("10"), bucket("+Inf")]).toEqual([
      0, 1, 1, 2, 2,
    ]);
    expect(sample(text, 'agents_crm_turn_duration_seconds_count{channel="web_chat"}')).toBe(2);
    expect(sample(text, 'agents_crm_turn_duration_seconds_sum{channel="web_chat"}')).toBe(7.03);
  });

  it("never counts a negative or non-finite amount", () => {
    const metrics = createMetrics();
    metrics.llmCost.inc({ provider: "openai", kind: "chat" }, -1);
    metrics.llmCost.inc({ provider: "openai", kind: "chat" }, Number.NaN);
    expect(metrics.llmCost.value({ provider: "openai", kind: "chat" })).toBe(0);
  });
});

describe("/metrics on the API port", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ ADMIN_TOKEN: TOKEN });
    await createAgent(t.deps, "dr_metrics");
  });
  afterAll(() => t.close());

  const scrape = (headers: Record<string, string> = {}, method = "GET") =>
    fetch(`${t.url}/metrics`, { method, headers });

  it("refuses a scraper without the machine token, or with a wrong one, and says nothing more", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-token-wrong-token" },
      { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` },
      { authorization: "Bearer " },
    ];
    for (const headers of attempts) {
      const res = await scrape(headers);
      const body = await res.text();
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(body).not.toContain("agents_crm_");
    }
  });

  it("is not there for other methods", async () => {
    const res = await scrape({ authorization: `Bearer ${TOKEN}` }, "POST");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("agents_crm_");
  });

  it("counts a web-chat turn, its steps, its model calls and its DynamoDB commands", async () => {
    const started = await callTrpc(t.url, "chat.start", { agentId: "dr_metrics" });
    const chat = started.data as { conversationId: string; token: string };
    const sent = await callTrpc(t.url, "chat.send", {
      ...chat,
      content: "Do you open on Sundays?",
    });
    expect(sent.status).toBe(200);

    const res = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,64}$/);
    const text = await res.text();
    expect(sample(text, 'agents_crm_turns_total{channel="web_chat",outcome="replied"}')).toBe(1);
    for (const step of ["history", "model", "commit"]) {
      expect(sample(text, `agents_crm_turn_step_duration_seconds_count{step="${step}"}`)).toBe(1);
    }
    expect(
      sample(text, 'agents_crm_llm_calls_total{provider="offline",kind="chat",outcome="ok"}'),
    ).toBe(1);
    const dynamoCalls = text
      .split("\n")
      .filter((l) => l.startsWith("agents_crm_dynamodb_calls_total{"))
      .reduce((sum, l) => sum + Number(l.split(" ")[1]), 0);
    expect(dynamoCalls).toBeGreaterThan(5);
    expect(sample(text, 'agents_crm_http_requests_total{route="trpc",status="2xx"}')).toBe(2);
    expect(sample(text, "agents_crm_inbox_depth")).toBe(0);
    expect(sample(text, "agents_crm_dead_letters")).toBe(0);
    expect(sample(text, "agents_crm_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).toContain("agents_crm_open_sockets 0");
  });

  it("echoes a plain X-Request-Id and replaces a hostile one", async () => {
    const kept = await fetch(`${t.url}/health/live`, {
      headers: { "x-request-id": "req-12345678" },
    });
    expect(kept.headers.get("x-request-id")).toBe("req-12345678");
    const replaced = await fetch(`${t.url}/health/live`, {
      headers: { "x-request-id": "<script>alert(1)</script>" },
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("/metrics without ADMIN_TOKEN", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.close());

  it("does not exist on the API port (404), so an open API never publishes its figures", async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("agents_crm_");
  });

  it("is served without a token on METRICS_PORT, and nothing else is", async () => {
    const { server, port } = await startMetricsServer({
      ...t.deps,
      env: { ...t.deps.env, METRICS_PORT: 0, METRICS_HOST: "127.0.0.1" },
    });
    try {
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("# TYPE agents_crm_dynamodb_calls_total counter");
      for (const path of ["/trpc/health", "/health", "/metrics/x", "/"]) {
        const other = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(other.status).toBe(404);
        await other.text();
      }
      const post = await fetch(`http://127.0.0.1:${port}/metrics`, { method: "POST", body: "x" });
      expect(post.status).toBe(404);
      await post.text();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
