import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { withLogContext } from "../src/observability/log-context";
import { callTrpc } from "./helpers/api-process";
import { createAgent, waitUntil } from "./helpers/chat-kit";
import { startTestApi, type TestApi } from "./helpers/test-api";

/**
 * A collector's OTLP/HTTP receiver: what it decodes is what the spec's JSON encoding says
 * (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): `ExportTraceServiceRequest` as
 * JSON, ids as hex strings, enums as numbers, 64-bit integers as decimal strings.
 */
interface OtlpKeyValue {
  key: string;
  value: { stringValue?: string; intValue?: string; boolValue?: boolean; doubleValue?: number };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  status: { code?: number; message?: string };
}
interface ExportTraceServiceRequest {
  resourceSpans: {
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[];
  }[];
}

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: ExportTraceServiceRequest;
}

async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ExportTraceServiceRequest,
      });
      // The spec's success answer: an (empty) ExportTraceServiceResponse.
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, received, server };
}

const attribute = (attributes: OtlpKeyValue[], key: string) =>
  attributes.find((a) => a.key === key)?.value;

describe("traces of a turn over OTLP/HTTP", () => {
  let t: TestApi;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApi({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url + "/",
      OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=secret%20one,x-team=clinic",
      OTEL_SERVICE_NAME: "crm-test",
    });
    await createAgent(t.deps, "dr_traces");
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it("sends the turn and its steps as one trace, children under the turn", async () => {
    expect(t.deps.tracer.enabled).toBe(true);
    const started = await callTrpc(t.url, "chat.start", { agentId: "dr_traces" });
    const chat = started.data as { conversationId: string; token: string };
    await callTrpc(t.url, "chat.send", { ...chat, content: "What are your hours?" });

    const spans = () =>
      receiver.received
        .flatMap((r) => r.body.resourceSpans.flatMap((rs) => rs.scopeSpans))
        .flatMap((s) => s.spans);
    await waitUntil(() => spans().some((s) => s.name === "turn"), 5_000);

    const first = receiver.received[0];
    expect(first?.path).toBe("/v1/traces");
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.headers["x-api-key"]).toBe("secret one");
    expect(first?.headers["x-team"]).toBe("clinic");
    const resource = first?.body.resourceSpans[0]?.resource.attributes ?? [];
    expect(attribute(resource, "service.name")).toEqual({ stringValue: "crm-test" });

    const turn = spans().find((s) => s.name === "turn");
    expect(turn).toBeDefined();
    if (!turn) return;
    expect(turn.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(turn.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(turn.parentSpanId).toBeUndefined();
    expect(turn.kind).toBe(1);
    expect(BigInt(turn.endTimeUnixNano)).toBeGreaterThan(BigInt(turn.startTimeUnixNano));
    expect(attribute(turn.attributes, "conversation.id")).toEqual({
      stringValue: chat.conversationId,
    });
    expect(attribute(turn.attributes, "turn.outcome")).toEqual({ stringValue: "replied" });
    expect(attribute(turn.attributes, "turn.messages")).toEqual({ intValue: "1" });

    const steps = spans().filter((s) => s.traceId === turn.traceId && s.name !== "turn");
    expect(steps.map((s) => s.name).sort()).toEqual(["turn.commit", "turn.history", "turn.model"]);
    for (const step of steps) {
      expect(step.parentSpanId).toBe(turn.spanId);
      expect(BigInt(step.startTimeUnixNano)).toBeGreaterThanOrEqual(
        BigInt(turn.startTimeUnixNano) - 1_000_000n,
      );
    }
    // Nothing the customer wrote leaves in a span.
    expect(JSON.stringify(receiver.received)).not.toContain("hours");
  });
});

describe("tracing off", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.close());

  it("is the no-op tracer when no OTLP endpoint is set", () => {
    expect(t.deps.tracer.enabled).toBe(false);
  });
});

describe("log lines carry the ids of the work under way", () => {
  it("adds the request, job and turn ids of the context, inner ids over outer ones", () => {
    const lines: string[] = [];
    const log = createLogger({ json: true, level: "info", write: (l) => lines.push(l) });
    withLogContext({ requestId: "req-1" }, () => {
      log.info("outer");
      withLogContext({ turnId: "turn-1" }, () => log.info("inner", { eventKey: "e" }));
    });
    log.info("outside");
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ message: "outer", requestId: "req-1" });
    expect(parsed[1]).toMatchObject({ requestId: "req-1", turnId: "turn-1", eventKey: "e" });
    expect(parsed[2]).not.toHaveProperty("requestId");
  });
});
