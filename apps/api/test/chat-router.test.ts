import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import type { ChatEvent } from "../src/domain/conversations/events";
import { createAgent, operator, subscribe, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
const anonymous = { kind: "anonymous" } as const;
const visitor = () => callerAs(deps, anonymous);

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_chat");
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

describe("chat.start", () => {
  it("opens a web chat conversation and stores only the token's hash", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_chat" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await deps.repos.conversations.get(conversationId);
    expect(stored).toMatchObject({
      agentId: "dr_chat",
      channel: "web_chat",
      status: "AI_ACTIVE",
      stage: "NEW",
      webTokenHash: createHash("sha256").update(token).digest("hex"),
    });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("refuses unknown agents with NOT_FOUND and deactivated ones with PRECONDITION_FAILED", async () => {
    await expect(visitor().chat.start({ agentId: "nobody" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await createAgent(deps, "dr_gone");
    await deps.repos.agents.setActive("dr_gone", false);
    await expect(visitor().chat.start({ agentId: "dr_gone" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});

describe("chat.send", () => {
  it("stores the message, answers with the offline model and records the turn's usage", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_chat" });
    const out = await visitor().chat.send({ conversationId, token, content: "  Hello there  " });
    expect(out.userMessage).toMatchObject({ role: "user", content: "Hello there" });
    expect(out.reply).toMatchObject({ role: "agent" });
    expect(out.reply?.content.length).toBeGreaterThan(0);
    expect(out.status).toBe("AI_ACTIVE");
    const stored = await deps.repos.messages.page(conversationId);
    expect(stored.items.map((m) => m.role)).toEqual(["user", "agent"]);
    const reply = stored.items[1];
    expect(reply?.metadata).toMatchObject({
      offline: true,
      escalation: null,
      sources: [],
      answers: [out.userMessage.messageId],
      turnId: out.reply?.turnId,
    });
    const usage = reply?.metadata.usage as Record<string, number>;
    expect(Object.keys(usage).sort()).toEqual([
      "costUsd",
      "latencyMs",
      "llmLatencyMs",
      "totalTokens",
    ]);
    expect(usage.totalTokens).toBeGreaterThan(0);
    const row = await deps.repos.conversations.get(conversationId);
    expect(row?.lastMessagePreview?.slice(0, 50)).toBe(reply?.content.slice(0, 50));
  });

  it("validates content: trimmed, 1..10000 characters", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_chat" });
    await expect(
      visitor().chat.send({ conversationId, token, content: "   " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      visitor().chat.send({ conversationId, token, content: "x".repeat(10_001) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a closed conversation", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_chat" });
    await callerAs(deps, operator).conversations.close({ conversationId });
    await expect(
      visitor().chat.send({ conversationId, token, content: "hi" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "Conversation is closed" });
  });

  it("stores the message without an AI reply while a human handles the conversation", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_chat" });
    await callerAs(deps, operator).conversations.handoff({ conversationId });
    const out = await visitor().chat.send({ conversationId, token, content: "Are you there?" });
    expect(out.reply).toBeNull();
    expect(out.status).toBe("HUMAN_ACTIVE");
    const stored = await deps.repos.messages.page(conversationId);
    expect(stored.items.map((m) => m.role)).toEqual(["user"]);
  });

  it("refuses a conversation whose agent was deactivated since", async () => {
    await createAgent(deps, "dr_leaving");
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_leaving" });
    await deps.repos.agents.setActive("dr_leaving", false);
    await expect(
      visitor().chat.send({ conversationId, token, content: "hi" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await deps.repos.messages.page(conversationId)).items).toEqual([]);
  });
});

describe("chat.onEvent", () => {
  it("replays from history's eventCursor what happened between the read and the subscription", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_chat" });
    const { eventCursor } = await visitor().chat.history(chat);
    await callerAs(deps, operator).conversations.reply({
      conversationId: chat.conversationId,
      content: "Sent before you subscribed",
    });
    const events = await subscribe<ChatEvent>(deps, null, (caller) =>
      caller.chat.onEvent({ ...chat, lastEventId: eventCursor }),
    );
    await waitUntil(() => events.items.some((e) => e.data.type === "message"));
    await events.stop();
    expect(events.items.map((e) => e.data.type)).toEqual(["status", "message"]);
    expect(JSON.stringify(events.items)).toContain("Sent before you subscribed");
  });

  it("refuses a lastEventId that is not an event id", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_chat" });
    await expect(
      visitor().chat.onEvent({ ...chat, lastEventId: "yesterday" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("chat.history", () => {
  it("pages the visitor's transcript without metadata, with the status and an event cursor", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_chat" });
    await visitor().chat.send({ conversationId, token, content: "First" });
    await visitor().chat.send({ conversationId, token, content: "Second" });
    const first = await visitor().chat.history({ conversationId, token, limit: 3 });
    expect(first.items.map((m) => m.role)).toEqual(["user", "agent", "user"]);
    expect(first.items[0]).toMatchObject({ role: "user", content: "First" });
    expect(Object.keys(first.items[0] ?? {}).sort()).toEqual([
      "content",
      "messageId",
      "role",
      "timestamp",
    ]);
    expect(first.status).toBe("AI_ACTIVE");
    expect(first.eventCursor).toMatch(/^[0-9A-Z]{26}$/);
    const rest = await visitor().chat.history({ conversationId, token, cursor: first.nextCursor });
    expect(rest.items.map((m) => m.role)).toEqual(["agent"]);
    expect(rest.nextCursor).toBeNull();
    const newest = await visitor().chat.history({ conversationId, token, limit: 1, order: "desc" });
    expect(newest.items[0]?.role).toBe("agent");
  });
});
