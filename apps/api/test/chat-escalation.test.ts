import { escalationText, llmErrorText } from "@agents-crm/ai";
import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { parseAgentConfig, type AgentConfig } from "@agents-crm/config/agent-config";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent, ChatEvent } from "../src/domain/conversations/events";
import { callerAs } from "./helpers/auth-fixtures";
import { agentDocument, modelAnswer, operator, subscribe, waitUntil } from "./helpers/chat-kit";
import type { FakeTelegram } from "./fakes/fake-telegram";
import { startAlertedChat, type AlertedChat } from "./helpers/alerted-chat";

let chat: AlertedChat;
let deps: ApiDeps;
let fake: FakeOpenAI;
let telegram: FakeTelegram;
let config: AgentConfig;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  chat = await startAlertedChat("dr_escalate");
  ({ deps, fake, telegram } = chat);
  const { bot } = chat;
  const parsed = parseAgentConfig(agentDocument("dr_escalate"));
  if (!parsed.ok) throw new Error("invalid test agent");
  config = parsed.config;
  await deps.repos.notificationConfigs.create({ chatId: "-1001", botToken: bot.token });
  await deps.repos.notificationConfigs.create({
    chatId: "-1002",
    botToken: bot.token,
    agentIds: ["another_agent"],
  });
});

beforeEach(() => {
  fake.reset();
});

afterAll(() => chat.close());

describe("escalation in the web chat turn", () => {
  it("hands over when the model declares it: NEEDS_HUMAN, handoff template, events and a Telegram alert", async () => {
    fake.setResponder(() =>
      modelAnswer("I will get the doctor.", {
        needed: true,
        type: "urgent",
        reason: "Severe pain after an extraction",
      }),
    );
    const admin = await subscribe<AdminEvent>(deps, operator, (caller) => caller.admin.onEvent());
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_escalate" });
    const chat = await subscribe<ChatEvent>(deps, null, (caller) =>
      caller.chat.onEvent({ conversationId, token }),
    );
    await waitUntil(() => deps.hub.listenerCount() === 2);

    const out = await visitor().chat.send({ conversationId, token, content: "It hurts a lot" });
    expect(out.status).toBe("NEEDS_HUMAN");
    expect(out.reply?.content).toBe(escalationText(config, "urgent", "en"));
    expect(out.reply?.content).not.toContain("I will get the doctor");

    const row = await deps.repos.conversations.get(conversationId);
    expect(row).toMatchObject({
      status: "NEEDS_HUMAN",
      handoffReason: "Severe pain after an extraction",
      escalationType: "urgent",
    });
    expect(Date.parse(row?.needsHumanSince ?? "")).toBeGreaterThan(Date.now() - 10_000);
    const stored = await deps.repos.messages.page(conversationId);
    expect(stored.items[1]?.metadata.escalation).toMatchObject({ type: "urgent", source: "model" });

    await waitUntil(() => admin.items.some((e) => e.data.type === "conversation.escalated"));
    const escalated = admin.items.find((e) => e.data.type === "conversation.escalated")?.data;
    expect(escalated).toMatchObject({
      type: "conversation.escalated",
      payload: {
        reason: "Severe pain after an extraction",
        escalationType: "urgent",
        realert: false,
        notification: {
          title: "A conversation needs a human",
          body: "Dr. Test: Severe pain after an extraction",
          url: `/admin/conversations/${conversationId}`,
        },
      },
    });
    // Full rows, not the reference's partial ones.
    const { webTokenHash: _hash, ...fullRow } = row ?? {};
    expect(escalated?.payload).toMatchObject({ conversation: { ...fullRow } });
    expect(JSON.stringify(admin.items)).not.toContain("webTokenHash");

    await waitUntil(() => chat.items.some((e) => e.data.type === "status"));
    expect(chat.items.find((e) => e.data.type === "status")?.data.payload).toEqual({
      status: "NEEDS_HUMAN",
      notice: "escalated",
    });

    await deps.work.drain();
    await deps.alerts.drain();
    const sent = telegram.sent();
    expect(sent.map((m) => m.chatId)).toEqual(["-1001"]);
    expect(sent[0]?.text).toContain("Severe pain after an extraction");
    expect(sent[0]?.text).toContain(
      `https://crm.example.test/admin/conversations/${conversationId}`,
    );
    await admin.stop();
    await chat.stop();
  });

  it("never overwrites an admin who took over while the model was answering", async () => {
    fake.setLatency(300);
    fake.setResponder(() =>
      modelAnswer("Escalating", { needed: true, type: "booking", reason: "Wants to book" }),
    );
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_escalate" });
    const alertsBefore = telegram.sent().length;
    const sending = visitor().chat.send({ conversationId, token, content: "Book me in" });
    await waitUntil(() => fake.requests.some((r) => r.endpoint === "chat"));
    await callerAs(deps, operator).conversations.handoff({ conversationId, reason: "On it" });
    const out = await sending;
    expect(out.reply).toBeNull();
    expect(out.status).toBe("HUMAN_ACTIVE");
    const row = await deps.repos.conversations.get(conversationId);
    expect(row).toMatchObject({ status: "HUMAN_ACTIVE", handoffReason: "On it" });
    const stored = await deps.repos.messages.page(conversationId);
    expect(stored.items.map((m) => m.role)).toEqual(["user"]);
    await deps.work.drain();
    await deps.alerts.drain();
    expect(telegram.sent().length).toBe(alertsBefore);
  });

  it("gives the customer the fallback text, never the LLM's error", async () => {
    fake.failNext(5, 500, { error: { message: "upstream exploded: secret-internal-detail" } });
    const { conversationId, token } = await visitor().chat.start({ agentId: "dr_escalate" });
    const out = await visitor().chat.send({ conversationId, token, content: "Hello?" });
    expect(out.reply?.content).toBe(llmErrorText(config, "en"));
    expect(JSON.stringify(out)).not.toContain("secret-internal-detail");
    const stored = await deps.repos.messages.page(conversationId);
    expect(stored.items[1]?.metadata.fallback).toBe(true);
  });
});
