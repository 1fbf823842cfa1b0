import { createKnowledgeBase } from "@agents-crm/ai";
import { createRepositories } from "@agents-crm/db";
import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent, ChatEvent } from "../src/domain/conversations/events";
import { silentLogger } from "../src/logger";
import {
  closeConversationRuntime,
  startConversationRuntime,
} from "../src/realtime/conversation-runtime";
import type { AppRouter } from "../src/router";
import { createApiServer, type ApiServer } from "../src/server/http-server";
import { createAgent, waitUntil } from "./helpers/chat-kit";
import { startRedisServer, type RedisServer } from "./helpers/redis-server";
import { createTestDeps } from "./helpers/test-api";

const ADMIN_TOKEN = "redis-admin-token-0123456789abcd";
type Received<T> = { id: string; data: T & { at: string } };

let redis: RedisServer;
let a: { deps: ApiDeps; api: ApiServer; host: string };
let b: { deps: ApiDeps; api: ApiServer; host: string };

async function serve(deps: ApiDeps) {
  const api = createApiServer(deps);
  const port = await api.listen(0, "127.0.0.1");
  return { deps, api, host: `127.0.0.1:${port}` };
}

beforeAll(async () => {
  redis = await startRedisServer();
  const depsA = await createTestDeps({ REDIS_URL: redis.url, ADMIN_TOKEN });
  // A second API process: same database, its own repositories (own id factory), hub and Redis clients.
  const reposB = createRepositories(depsA.db, { messageTtlHours: depsA.env.MESSAGE_TTL_HOURS });
  const runtimeB = startConversationRuntime({
    env: depsA.env,
    repos: reposB,
    log: silentLogger,
    sweep: false,
  });
  const depsB: ApiDeps = {
    ...depsA,
    ...runtimeB.deps,
    repos: reposB,
    knowledge: createKnowledgeBase({ chunks: reposB.ragChunks, embedder: depsA.llm.embedder }),
  };
  await Promise.all([depsA.hub.ready, depsB.hub.ready]);
  a = await serve(depsA);
  b = await serve(depsB);
  await createAgent(depsA, "dr_shared");
});

afterAll(async () => {
  for (const side of [a, b]) {
    await side.api.close({ timeoutMs: 500 });
    await closeConversationRuntime(side.deps);
  }
  await a.deps.db.close();
  await redis.stop();
});

const http = (host: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `http://${host}/trpc`, transformer: superjson })],
  });

function socket(host: string) {
  const client = createWSClient({
    url: `ws://${host}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: { token: ADMIN_TOKEN },
  });
  return {
    client,
    trpc: createTRPCClient<AppRouter>({ links: [wsLink({ client, transformer: superjson })] }),
  };
}

function adminFeed(host: string) {
  const { client, trpc } = socket(host);
  const events: Received<AdminEvent>[] = [];
  const sub = trpc.admin.onEvent.subscribe(undefined, {
    onData: (event) => events.push(event),
  });
  return {
    events,
    async close() {
      sub.unsubscribe();
      await client.close();
    },
  };
}

describe("fan-out through Redis between two API servers", () => {
  it("shows an admin on server A a web chat that happens on server B, each event once", async () => {
    const onA = adminFeed(a.host);
    const onB = adminFeed(b.host);
    await waitUntil(() => a.deps.hub.listenerCount() === 1 && b.deps.hub.listenerCount() === 1);

    const chat = await http(b.host).chat.start.mutate({ agentId: "dr_shared" });
    const { client, trpc } = socket(a.host);
    const chatEvents: Received<ChatEvent>[] = [];
    const chatSub = trpc.chat.onEvent.subscribe(chat, {
      onData: (event) => chatEvents.push(event),
    });
    await waitUntil(() => a.deps.hub.listenerCount() === 2);
    const sent = await http(b.host).chat.send.mutate({ ...chat, content: "Hello from B" });

    const expected = ["conversation.created", "message.created", "message.created"];
    for (const feed of [onA, onB]) {
      await waitUntil(() => feed.events.length >= 3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(feed.events.map((e) => e.data.type)).toEqual(expected);
    }
    expect(onA.events.map((e) => e.id)).toEqual(onB.events.map((e) => e.id));
    const agentMessage = onA.events[2]?.data;
    expect(agentMessage).toMatchObject({
      type: "message.created",
      payload: {
        message: { messageId: sent.reply?.messageId, role: "agent" },
        conversation: {
          conversationId: chat.conversationId,
          channel: "web_chat",
          status: "AI_ACTIVE",
        },
      },
    });

    // Reply deltas are not logged: they reach server A's visitor through Redis only.
    await waitUntil(() =>
      chatEvents.some((e) => e.data.type === "message" && e.data.payload.message.role === "agent"),
    );
    const deltas = chatEvents.flatMap((e) =>
      e.data.type === "reply.delta" ? [e.data.payload.text] : [],
    );
    expect(deltas.join("")).toBe(sent.reply?.content);

    chatSub.unsubscribe();
    await client.close();
    await onA.close();
    await onB.close();
    await waitUntil(() => a.deps.hub.listenerCount() === 0 && b.deps.hub.listenerCount() === 0);
  });

  it("re-reads the log after Redis comes back, so events published during the outage still arrive", async () => {
    const onA = adminFeed(a.host);
    await waitUntil(() => a.deps.hub.listenerCount() === 1);
    await redis.stop();
    const chat = await http(b.host).chat.start.mutate({ agentId: "dr_shared" });
    await http(b.host).chat.send.mutate({ ...chat, content: "during the outage" });
    await redis.restart();
    await waitUntil(() => onA.events.length >= 3, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = onA.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(onA.events.map((e) => e.data.type)).toEqual([
      "conversation.created",
      "message.created",
      "message.created",
    ]);
    await onA.close();
  });
});
