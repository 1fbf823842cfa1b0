import { readFileSync } from "node:fs";
import { createKnowledgeBase } from "@agents-crm/ai";
import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { createRepositories } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTurnHandoff } from "../src/cluster/turn-handoff";
import type { ApiDeps } from "../src/deps";
import { silentLogger } from "../src/logger";
import {
  closeConversationRuntime,
  startConversationRuntime,
} from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, modelAnswer, startFakeLlm, waitUntil } from "./helpers/chat-kit";
import { startRedisServer, type RedisServer } from "./helpers/redis-server";
import { createTestDeps } from "./helpers/test-api";

// Two replicas (one database, a real redis-server, each its own repositories, hub, lanes and leases): a
// visitor's photo reaching replica B while replica A runs the conversation's turn is handed to A and
// answered after that turn, with its reply in the history, as a text message is, never beside it.

const PHOTO = readFileSync(new URL("./fixtures/media/rash-photo.jpg", import.meta.url));

let redis: RedisServer;
let fake: FakeOpenAI;
let a: ApiDeps;
let b: ApiDeps;
let gate: Promise<void> | null = null;
let open = () => {};
let held = 0;
let answered = 0;

const visitor = (deps: ApiDeps) => callerAs(deps, { kind: "anonymous" });
const chatCalls = () => fake.requests.filter((r) => r.endpoint === "chat");

beforeAll(async () => {
  redis = await startRedisServer();
  const llm = await startFakeLlm();
  fake = llm.fake;
  fake.setResponder(async (request) => {
    if (gate && request.lastUserMessage.includes("slow")) {
      held++;
      await gate;
    }
    return modelAnswer(`Reply #${++answered}`);
  });
  a = await createTestDeps({ OPENAI_VISION: "true", REDIS_URL: redis.url }, llm.llm);
  const reposB = createRepositories(a.db, { messageTtlHours: a.env.MESSAGE_TTL_HOURS });
  const replicaId = `${a.replicaId}-b`;
  const runtimeB = startConversationRuntime({
    env: a.env,
    repos: reposB,
    log: silentLogger,
    sweep: false,
    replicaId,
  });
  b = {
    ...a,
    ...runtimeB.deps,
    repos: reposB,
    replicaId,
    knowledge: createKnowledgeBase({ chunks: reposB.ragChunks, embedder: a.llm.embedder }),
  };
  startTurnHandoff(b);
  await Promise.all([a.hub.ready, b.hub.ready]);
  await createAgent(a, "dr_photo_cluster", { burst_window_ms: 0 });
});

afterAll(async () => {
  open();
  await closeConversationRuntime(b);
  await closeConversationRuntime(a);
  await a.db.close();
  await redis.stop();
  await fake.close();
});

describe("a web-chat photo on another replica than the one running the conversation", () => {
  it("is handed over and answered after the running turn, with its reply in the history", async () => {
    const chat = await visitor(a).chat.start({ agentId: "dr_photo_cluster" });
    const photo = await a.files.saveFile({
      bytes: new Uint8Array(PHOTO),
      name: "rash.jpg",
      purpose: "conversation",
      conversationId: chat.conversationId,
      createdBy: "customer",
    });
    gate = new Promise<void>((resolve) => (open = resolve));
    const text = visitor(a).chat.send({ ...chat, content: "A slow question first" });
    await waitUntil(() => held === 1);
    const sent = visitor(b).chat.send({
      ...chat,
      content: "and this photo",
      fileIds: [photo.fileId],
    });
    // Replica A holds the conversation: the photo waits there, behind the running turn.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chatCalls()).toHaveLength(1);
    open();
    gate = null;
    const [first, second] = await Promise.all([text, sent]);

    expect(first.reply?.content).toBe("Reply #1");
    // The visitor's send on B returns the reply written on A.
    expect(second.reply?.content).toBe("Reply #2");
    const calls = chatCalls();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.chat?.lastUserMessage).toContain("and this photo");
    expect(calls[1]?.chat?.lastUserImages).toHaveLength(1);
    const history = calls[1]?.chat?.messages.map((m) => m.content).join("\n") ?? "";
    expect(history).toContain("Reply #1");
    const items = (await a.repos.messages.page(chat.conversationId)).items;
    const replies = items.filter((m) => m.role === "agent");
    const users = items.filter((m) => m.role === "user");
    expect(replies.map((m) => m.metadata.answers)).toEqual(users.map((m) => [m.messageId]));
    expect(await a.repos.inboundEvents.countQueued()).toBe(0);
  });
});
