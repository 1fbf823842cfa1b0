import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentDocument, modelAnswer, startFakeLlm } from "./helpers/chat-kit";
import { postHead, postSteadily, slowClient } from "@agents-crm/config/testing/slow-client";
import { startTestApi, type TestApi } from "./helpers/test-api";
import type { FakeOpenAI } from "@agents-crm/ai/testing";

// Regression: request bodies dribbled slowly to the webhook and tRPC paths held connections for minutes
// (Node's defaults: 60 s for headers, 300 s for a request, no limit on a silent body).
const TOKEN = "slow-requests-token-0123456789ab";
const IDLE_S = 1;
const REQUEST_S = 8;
let t: TestApi;
let fake: FakeOpenAI;

beforeAll(async () => {
  const started = await startFakeLlm({ latencyMs: { chat: 2_000 } });
  fake = started.fake;
  t = await startTestApi(
    {
      ADMIN_TOKEN: TOKEN,
      HTTP_HEADERS_TIMEOUT: String(IDLE_S),
      HTTP_BODY_IDLE_TIMEOUT: String(IDLE_S),
      HTTP_REQUEST_TIMEOUT: String(REQUEST_S),
    },
    { llm: started.llm },
  );
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

describe("slow clients are cut", () => {
  it.each([
    "/trpc/chat.start",
    "/trpc/agents.extractDocument",
    "/api/v1/telegram/webhook/some-binding",
    "/api/v1/instagram/webhook",
    "/api/v1/whatsapp/webhook",
  ])("headers, then a body that stops coming, on %s: 408 after the idle timeout", async (path) => {
    const result = await slowClient(t.url, {
      head: `${postHead(path, 1_000)}{"json":`,
      giveUpMs: 8_000,
    });
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(result.answer).toContain(`"No request data for ${IDLE_S} s"`);
  });

  it("a request answered early (no such path) whose body goes silent is closed too", async () => {
    const result = await slowClient(t.url, { head: postHead("/nowhere", 1_000), giveUpMs: 4_000 });
    expect(result.answer).toMatch(/^HTTP\/1\.1 404 /);
  });

  it("a body dribbled a byte at a time, never idle, is cut by the request timeout", async () => {
    const result = await slowClient(t.url, {
      head: postHead("/trpc/chat.start", 1_000),
      drip: " ",
      everyMs: 200,
      giveUpMs: 15_000,
    });
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("headers dribbled a line at a time are cut by the headers timeout", async () => {
    const result = await slowClient(t.url, {
      head: "POST /trpc/chat.start HTTP/1.1\r\nHost: localhost\r\n",
      drip: "X-Slow: a\r\n",
      everyMs: 200,
      giveUpMs: 8_000,
    });
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe("slow but honest traffic is not", () => {
  it("a steady upload of a 10 MB document, longer than the idle timeout, still works", async () => {
    const dataBase64 = Buffer.alloc(10 * 1024 * 1024 - 1024, "knowledge line\n").toString("base64");
    const body = Buffer.from(
      JSON.stringify({ json: { filename: "notes.txt", mimeType: "text/plain", dataBase64 } }),
    );
    const answer = await postSteadily(
      `${t.url}/trpc/agents.extractDocument`,
      body,
      { authorization: `Bearer ${TOKEN}` },
      { pieces: 12, everyMs: (IDLE_S * 1000) / 6 },
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("knowledge line");
  });

  it("an answer that takes longer than the idle timeout (a slow model) is not cut", async () => {
    fake.setResponder(() => modelAnswer("We open at nine."));
    const res = await fetch(`${t.url}/trpc/agents.playground`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        json: { config: agentDocument("slow_model"), message: "When do you open?" },
      }),
    });
    expect(res.status).toBe(200);
  });

  it("a WebSocket that stays quiet longer than the timeouts still answers", async () => {
    const ws = new WebSocket(t.wsUrl);
    await new Promise((resolve) => ws.once("open", resolve));
    await new Promise((resolve) => setTimeout(resolve, (IDLE_S + 1) * 1000));
    const answer = new Promise<string>((resolve) =>
      ws.once("message", (data: Buffer) => resolve(data.toString())),
    );
    ws.send(JSON.stringify({ id: 1, method: "query", params: { path: "auth.me", input: {} } }));
    expect(JSON.parse(await answer)).toMatchObject({ id: 1, result: { type: "data" } });
    ws.close();
  });
});
