import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../src/router";
import { wellFormed } from "@agents-crm/config/well-formed-text";
import { callerAs, machine } from "./helpers/auth-fixtures";
import { ensureAgent, post, stored } from "./helpers/webhook-kit";
import { startTestApi, type TestApi } from "./helpers/test-api";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { startFakeGraph } from "./fakes/fake-graph";
import { createInstagramGraphApi } from "../src/platforms/instagram-graph-api";

/** "\ud800" in JSON text: valid JSON, yet no well-formed string holds a lone surrogate. */
const LONE = "\\ud800";
const REPLACED = "\ufffd";

let t: TestApi;
let telegram: FakeTelegram;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  t = await startTestApi({
    TELEGRAM_API_BASE_URL: telegram.url,
    APP_URL: "https://crm.example.test",
  });
});
afterAll(async () => {
  await t.close();
  await telegram.close();
});

const trpcPost = (path: string, json: string) =>
  fetch(`${t.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: `{"json":${json}}`,
  });

describe("text a stranger sends is stored well-formed", () => {
  it("a failed sign-in's e-mail (HTTP) reaches the audit log with U+FFFD for the lone surrogate", async () => {
    const res = await trpcPost(
      "auth.login",
      `{"email":"lone${LONE}@example.test","password":"whatever it is"}`,
    );
    expect(res.status).toBe(401);
    const failures = await t.deps.repos.audit.list({ action: "auth.login_failed", limit: 10 });
    const entry = failures.items.find((e) => e.actorName?.startsWith("lone"));
    expect(entry?.actorName).toBe(`lone${REPLACED}@example.test`);
    expect(entry?.resourceId).toBe(`lone${REPLACED}@example.test`);
  });

  it("a web-chat message sent over the WebSocket is stored well-formed", async () => {
    const wsClient = createWSClient({
      url: t.wsUrl,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    try {
      const client = createTRPCClient<AppRouter>({
        links: [wsLink({ client: wsClient, transformer: superjson })],
      });
      await ensureAgent(t.deps, "wf-agent");
      const chat = await client.chat.start.mutate({ agentId: "wf-agent" });
      // JSON.stringify writes a lone surrogate as the escape "\ud800": exactly what a hostile client sends.
      await client.chat.send.mutate({ ...chat, content: "half a pair: \ud800 ok" });
      const history = await client.chat.history.query({ ...chat });
      const texts = history.items.map((m) => m.content);
      expect(texts).toContain(`half a pair: ${REPLACED} ok`);
      expect(texts.every((text) => wellFormed(text) === text)).toBe(true);
    } finally {
      await wsClient.close();
    }
  });

  it("a Telegram update's text and sender name are stored well-formed", async () => {
    await ensureAgent(t.deps, "wf-telegram");
    const bot = telegram.addBot();
    const admin = callerAs(t.deps, machine);
    const binding = await admin.bindings.create({
      agentId: "wf-telegram",
      channelType: "telegram",
      accessToken: bot.token,
    });
    await admin.bindings.verify({ bindingId: binding.bindingId });
    const body = `{"update_id":420000001,"message":{"message_id":7,"date":1749416383,
      "from":{"id":5000000077,"is_bot":false,"first_name":"An${LONE}na"},
      "chat":{"id":5000000077,"type":"private","first_name":"An${LONE}na"},
      "text":"hi ${LONE}"}}`;
    const res = await post(`${t.url}/api/v1/telegram/webhook/${binding.bindingId}`, body, {
      "x-telegram-bot-api-secret-token": bot.webhook?.secretToken ?? "",
    });
    expect(res.status).toBe(200);
    const event = await stored(t.deps, "telegram", String(bot.id), "420000001");
    expect(event?.payload).toMatchObject({
      text: `hi ${REPLACED}`,
      sender: { name: `An${REPLACED}na` },
    });
  });

  it("an Instagram profile name read from the Graph API is kept well-formed", async () => {
    const graph = await startFakeGraph();
    try {
      graph.addInstagramAccount("17841400000000077", "ig-token");
      // The fake answers with JSON.stringify, which writes the lone surrogate as "\ud800".
      graph.addInstagramUser({ igsid: "igsid-77", name: "Ma\ud800ria", username: "maria" });
      const api = createInstagramGraphApi({ baseUrl: graph.url });
      const profile = await api.getProfile("ig-token", "igsid-77");
      expect(profile.name).toBe(`Ma${REPLACED}ria`);
    } finally {
      await graph.close();
    }
  });
});
