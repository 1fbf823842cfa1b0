import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent, ChatEvent } from "../src/domain/conversations/events";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, operator, subscribe, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
const staff = () => callerAs(deps, operator, { requestId: "req-actions-1" });
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_actions");
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

async function audits(conversationId: string) {
  const page = await deps.repos.audit.list({ resourceId: conversationId });
  return page.items;
}

async function escalated() {
  const chat = await visitor().chat.start({ agentId: "dr_actions" });
  await deps.repos.conversations.update(chat.conversationId, {
    status: "NEEDS_HUMAN",
    handoffReason: "Wants a human",
    escalationType: "custom",
    needsHumanSince: new Date().toISOString(),
  });
  return chat;
}

describe("handoff and return to AI", () => {
  it("takes over an escalation: audited with actor and old/new values, announced to consoles and visitor", async () => {
    const chat = await escalated();
    const admin = await subscribe<AdminEvent>(deps, operator, (c) => c.admin.onEvent());
    const events = await subscribe<ChatEvent>(deps, null, (c) => c.chat.onEvent(chat));
    await waitUntil(() => deps.hub.listenerCount() === 2);

    const row = await staff().conversations.handoff({ conversationId: chat.conversationId });
    expect(row).toMatchObject({ status: "HUMAN_ACTIVE", handoffReason: "Wants a human" });

    const [entry] = await audits(chat.conversationId);
    expect(entry).toMatchObject({
      action: "handoff",
      actorId: operator.id,
      actorName: operator.name,
      resourceType: "conversation",
      requestId: "req-actions-1",
      oldValue: { status: "NEEDS_HUMAN" },
      newValue: { status: "HUMAN_ACTIVE" },
    });
    await waitUntil(() => admin.items.length > 0 && events.items.length > 0);
    expect(admin.items[0]?.data).toMatchObject({
      type: "conversation.updated",
      payload: { change: "handoff", actorId: operator.id, conversation: { ...row } },
    });
    expect(events.items[0]?.data).toMatchObject({
      type: "status",
      payload: { status: "HUMAN_ACTIVE", notice: "taken_over" },
    });
    await admin.stop();
    await events.stop();

    await expect(
      staff().conversations.handoff({ conversationId: chat.conversationId }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("hands an AI conversation to a human with the given reason", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_actions" });
    const row = await staff().conversations.handoff({
      conversationId: chat.conversationId,
      reason: "VIP patient",
    });
    expect(row).toMatchObject({ status: "HUMAN_ACTIVE", handoffReason: "VIP patient" });
  });

  it("returns to the AI from a human or an escalation, not from the AI", async () => {
    const chat = await escalated();
    const row = await staff().conversations.returnToAi({ conversationId: chat.conversationId });
    expect(row.status).toBe("AI_ACTIVE");
    expect(row.needsHumanSince).toBeUndefined();
    expect((await audits(chat.conversationId))[0]).toMatchObject({
      action: "return_to_ai",
      oldValue: { status: "NEEDS_HUMAN" },
      newValue: { status: "AI_ACTIVE" },
    });
    await expect(
      staff().conversations.returnToAi({ conversationId: chat.conversationId }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // The AI answers again.
    const out = await visitor().chat.send({ ...chat, content: "Hello again" });
    expect(out.reply).not.toBeNull();
  });
});

describe("conversations.reply", () => {
  it("delivers a staff message to the web chat live and takes the conversation over", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_actions" });
    const events = await subscribe<ChatEvent>(deps, null, (c) => c.chat.onEvent(chat));
    await waitUntil(() => deps.hub.listenerCount() === 1);
    const out = await staff().conversations.reply({
      conversationId: chat.conversationId,
      content: "  Hi, this is Olga from the clinic.  ",
    });
    expect(out.message).toMatchObject({
      role: "admin",
      content: "Hi, this is Olga from the clinic.",
      authorId: operator.id,
    });
    expect(out.message.deliveryStatus).toBeUndefined();
    expect(out.conversation.status).toBe("HUMAN_ACTIVE");
    await waitUntil(() => events.items.some((e) => e.data.type === "message"));
    const message = events.items.find((e) => e.data.type === "message")?.data;
    expect(message).toMatchObject({
      payload: { message: { role: "admin", content: "Hi, this is Olga from the clinic." } },
    });
    expect(JSON.stringify(message)).not.toContain(operator.id);
    await events.stop();
    const [entry] = await audits(chat.conversationId);
    expect(entry).toMatchObject({
      action: "send_message",
      actorId: operator.id,
      oldValue: { status: "AI_ACTIVE" },
      newValue: { messageId: out.message.messageId, status: "HUMAN_ACTIVE" },
    });
    // The customer's next message waits for the human.
    const next = await visitor().chat.send({ ...chat, content: "Thanks!" });
    expect(next.reply).toBeNull();
  });

  it("stores replies on other channels as pending for their delivery worker", async () => {
    const { conversation } = await deps.repos.conversations.findOrCreate({
      agentId: "dr_actions",
      channel: "instagram",
      externalUserId: "ig-reply-1",
    });
    const out = await staff().conversations.reply({
      conversationId: conversation.conversationId,
      content: "We have a slot on Friday",
    });
    expect(out.message).toMatchObject({ channel: "instagram", deliveryStatus: "pending" });
  });

  it("refuses closed conversations", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_actions" });
    await staff().conversations.close({ conversationId: chat.conversationId });
    await expect(
      staff().conversations.reply({ conversationId: chat.conversationId, content: "hello?" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "Conversation is closed" });
  });
});

describe("conversations.setStage", () => {
  it("needs a reason for REJECTED, clears it on other stages and saves a repeat only once", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_actions" });
    const conversationId = chat.conversationId;
    await expect(
      staff().conversations.setStage({ conversationId, stage: "REJECTED" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const missing = await staff()
      .conversations.setStage({ conversationId, stage: "REJECTED", rejectionReason: "  " })
      .catch((error: unknown) => error);
    expect(missing).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((missing as Error).message)).toContain("rejectionReason");

    const rejected = await staff().conversations.setStage({
      conversationId,
      stage: "REJECTED",
      rejectionReason: "Too expensive",
    });
    expect(rejected).toMatchObject({ stage: "REJECTED", rejectionReason: "Too expensive" });
    await staff().conversations.setStage({
      conversationId,
      stage: "REJECTED",
      rejectionReason: "Too expensive",
    });
    const stageAudits = (await audits(conversationId)).filter(
      (e) => e.action === "update_marketing_status",
    );
    expect(stageAudits).toHaveLength(1);
    expect(stageAudits[0]).toMatchObject({
      oldValue: { stage: "NEW", rejectionReason: null },
      newValue: { stage: "REJECTED", rejectionReason: "Too expensive" },
    });

    const booked = await staff().conversations.setStage({ conversationId, stage: "BOOKED" });
    expect(booked.stage).toBe("BOOKED");
    expect(booked.rejectionReason).toBeUndefined();
    await expect(
      staff().conversations.setStage({ conversationId, stage: "NOT_A_STAGE" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("conversations.close", () => {
  it("closes once, audits and tells the visitor", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_actions" });
    const events = await subscribe<ChatEvent>(deps, null, (c) => c.chat.onEvent(chat));
    await waitUntil(() => deps.hub.listenerCount() === 1);
    const row = await staff().conversations.close({ conversationId: chat.conversationId });
    expect(row.status).toBe("CLOSED");
    expect(Date.parse(row.closedAt ?? "")).toBeGreaterThan(0);
    await waitUntil(() => events.items.length === 1);
    expect(events.items[0]?.data.payload).toEqual({ status: "CLOSED", notice: "closed" });
    await events.stop();
    expect((await audits(chat.conversationId))[0]?.action).toBe("close_conversation");
    await expect(
      staff().conversations.close({ conversationId: chat.conversationId }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
