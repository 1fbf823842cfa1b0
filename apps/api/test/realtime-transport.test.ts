import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent, ChatEvent } from "../src/domain/conversations/events";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import type { AppRouter } from "../src/router";
import { createApiServer, type ApiServer } from "../src/server/http-server";
import { createAgent, modelAnswer, startFakeLlm, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

const ADMIN_TOKEN = "transport-admin-token-0123456789";
const REPLY = "Whitening takes about an hour and does not hurt at all.";
let deps: ApiDeps;
let api: ApiServer;
let fake: FakeOpenAI;
let url: string;

type Received<T> = { id: string; data: T & { at: string } };

beforeAll(async () => {
  const llm = await startFakeLlm({
    latencyMs: 200,
    spreadStreamLatency: true,
    responder: () => modelAnswer(REPLY),
  });
  fake = llm.fake;
  deps = await createTestDeps({ ADMIN_TOKEN }, llm.llm);
  await createAgent(deps, "dr_live");
  api = createApiServer(deps);
  url = `127.0.0.1:${await api.listen(0, "127.0.0.1")}`;
});

afterAll(async () => {
  await api.close({ timeoutMs: 500 });
  await closeConversationRuntime(deps);
  await deps.db.close();
  await fake.close();
});

const http = () =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `http://${url}/trpc`, transformer: superjson })],
  });

function socket(connectionParams?: Record<string, string>) {
  const client = createWSClient({
    url: `ws://${url}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 50,
    ...(connectionParams ? { connectionParams } : {}),
  });
  const trpc = createTRPCClient<AppRouter>({
    links: [wsLink({ client, transformer: superjson })],
  });
  return { client, trpc };
}

describe("web chat over HTTP with chat.onEvent over WebSocket", () => {
  it("streams the reply token by token, then delivers the stored message", async () => {
    const chat = await http().chat.start.mutate({ agentId: "dr_live" });
    const { client, trpc } = socket();
    const events: Received<ChatEvent>[] = [];
    const subscription = trpc.chat.onEvent.subscribe(chat, {
      onData: (event) => events.push(event),
    });
    await waitUntil(() => deps.hub.listenerCount() === 1);

    const sent = await http().chat.send.mutate({ ...chat, content: "Does whitening hurt?" });
    expect(sent.reply?.content).toBe(REPLY);
    await waitUntil(() =>
      events.some((e) => e.data.type === "message" && e.data.payload.message.role === "agent"),
    );

    const types = events.map((e) => e.data.type);
    const deltas = events.flatMap((e) => (e.data.type === "reply.delta" ? [e.data.payload] : []));
    const stored = events.find(
      (e) => e.data.type === "message" && e.data.payload.message.role === "agent",
    );
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((d) => d.text).join("")).toBe(REPLY);
    expect(new Set(deltas.map((d) => d.turnId))).toEqual(new Set([sent.reply?.turnId]));
    // The deltas, then the stored reply (the visitor's own message came back from chat.send).
    expect(types[0]).toBe("reply.delta");
    expect(types.lastIndexOf("reply.delta")).toBeLessThan(types.indexOf("message"));
    expect(types.filter((t) => t === "message")).toHaveLength(1);
    expect(stored?.data.type === "message" && stored.data.payload.message).toMatchObject({
      messageId: sent.reply?.messageId,
      turnId: sent.reply?.turnId,
    });

    subscription.unsubscribe();
    await waitUntil(() => deps.hub.listenerCount() === 0);
    await client.close();
  });

  it("resumes after a dropped socket with lastEventId and loses nothing", async () => {
    fake.setLatency(0);
    const chat = await http().chat.start.mutate({ agentId: "dr_live" });
    const { client, trpc } = socket();
    const events: Received<ChatEvent>[] = [];
    const subscription = trpc.chat.onEvent.subscribe(chat, {
      onData: (event) => events.push(event),
    });
    await waitUntil(() => deps.hub.listenerCount() === 1);
    await http().chat.send.mutate({ ...chat, content: "one" });
    await waitUntil(() => events.filter((e) => e.data.type === "message").length === 1);

    // The server drops the socket; messages keep coming while the client reconnects.
    for (const ws of api.wss.clients) ws.terminate();
    await waitUntil(() => deps.hub.listenerCount() === 0);
    await http().chat.send.mutate({ ...chat, content: "two" });
    await http().chat.send.mutate({ ...chat, content: "three" });
    await http().chat.send.mutate({ ...chat, content: "four" });
    await waitUntil(() => events.filter((e) => e.data.type === "message").length === 4, 8_000);

    const received = events.flatMap((e) =>
      e.data.type === "message" ? [e.data.payload.message.messageId] : [],
    );
    const stored = (await deps.repos.messages.page(chat.conversationId)).items;
    expect(received).toEqual(stored.filter((m) => m.role === "agent").map((m) => m.messageId));
    subscription.unsubscribe();
    await waitUntil(() => deps.hub.listenerCount() === 0);
    await client.close();
  });

  it("resumes admin.onEvent from a lastEventId given by hand", async () => {
    const { client, trpc } = socket({ token: ADMIN_TOKEN });
    const first: Received<AdminEvent>[] = [];
    const sub = trpc.admin.onEvent.subscribe(undefined, {
      onData: (event) => first.push(event),
    });
    await waitUntil(() => deps.hub.listenerCount() === 1);
    const chat = await http().chat.start.mutate({ agentId: "dr_live" });
    await waitUntil(() => first.length === 1);
    sub.unsubscribe();
    await waitUntil(() => deps.hub.listenerCount() === 0);

    await http().chat.send.mutate({ ...chat, content: "while away" });
    const resumed: Received<AdminEvent>[] = [];
    const again = trpc.admin.onEvent.subscribe(
      { lastEventId: first[0]?.id },
      { onData: (event) => resumed.push(event) },
    );
    await waitUntil(() => resumed.length === 2);
    expect(resumed.map((e) => e.data.type)).toEqual(["message.created", "message.created"]);
    expect(resumed[0]?.data).toMatchObject({
      payload: { conversation: { conversationId: chat.conversationId, channel: "web_chat" } },
    });
    again.unsubscribe();
    await waitUntil(() => deps.hub.listenerCount() === 0);
    await client.close();
  });

  it("refuses admin.onEvent without credentials and leaks no listener", async () => {
    const { client, trpc } = socket();
    const error = await new Promise<unknown>((resolve) => {
      trpc.admin.onEvent.subscribe(undefined, { onError: resolve });
    });
    expect(error).toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect(deps.hub.listenerCount()).toBe(0);
    await client.close();
  });

  it("cleans up listeners when the socket closes with subscriptions open", async () => {
    const chat = await http().chat.start.mutate({ agentId: "dr_live" });
    const { client, trpc } = socket({ token: ADMIN_TOKEN });
    trpc.chat.onEvent.subscribe(chat, {});
    trpc.admin.onEvent.subscribe(undefined, {});
    await waitUntil(() => deps.hub.listenerCount() === 2);
    await client.close();
    await waitUntil(() => deps.hub.listenerCount() === 0);
  });
});
