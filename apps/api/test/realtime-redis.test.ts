import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { beforeAll, describe, expect, it } from "vitest";
import type { AdminEvent, ChatEvent } from "../src/domain/conversations/events";
import type { AppRouter } from "../src/router";
import { waitUntil } from "./helpers/chat-kit";
import { useReplicaPair, type Replica } from "./helpers/replicas";

const ADMIN_TOKEN = "redis-admin-token-0123456789abcd";
type Received<T> = { id: string; data: T & { at: string } };

const pair = useReplicaPair({ ADMIN_TOKEN }, "dr_shared");
let a: Replica;
let b: Replica;
beforeAll(() => ({ a, b } = pair));

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
    await pair.redis.stop();
    const chat = await http(b.host).chat.start.mutate({ agentId: "dr_shared" });
    await http(b.host).chat.send.mutate({ ...chat, content: "during the outage" });
    await pair.redis.restart();
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
