import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent } from "../src/domain/conversations/events";
import { callerAs } from "./helpers/auth-fixtures";
import { operator, subscribe, waitUntil } from "./helpers/chat-kit";
import type { FakeTelegram } from "./fakes/fake-telegram";
import { startAlertedChat, type AlertedChat } from "./helpers/alerted-chat";

let chat: AlertedChat;
let deps: ApiDeps;
let fake: FakeOpenAI;
let telegram: FakeTelegram;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  chat = await startAlertedChat("dr_summary");
  ({ deps, fake, telegram } = chat);
  const { bot } = chat;
  await deps.repos.notificationConfigs.create({ chatId: "-2001", botToken: bot.token });
  await deps.repos.notificationConfigs.create({
    chatId: "-2002",
    botToken: bot.token,
    language: "ru",
  });
});

beforeEach(() => {
  fake.reset();
});

afterAll(() => chat.close());

function answer(escalation: Record<string, unknown>) {
  return {
    json: {
      reply: "One moment.",
      escalation: { confidence: 0.9, handoff_reply: "", ...escalation },
      sources_used: [],
    },
  };
}

async function escalateWith(content: string) {
  const admin = await subscribe<AdminEvent>(deps, operator, (caller) => caller.admin.onEvent());
  const { conversationId, token } = await visitor().chat.start({ agentId: "dr_summary" });
  await waitUntil(() => deps.hub.listenerCount() >= 1);
  const sentBefore = telegram.sent().length;
  const out = await visitor().chat.send({ conversationId, token, content });
  expect(out.status).toBe("NEEDS_HUMAN");
  await waitUntil(() => admin.items.some((e) => e.data.type === "conversation.escalated"));
  const event = admin.items.find((e) => e.data.type === "conversation.escalated")?.data;
  await admin.stop();
  await deps.work.drain();
  await deps.alerts.drain();
  return {
    conversationId,
    event: event?.type === "conversation.escalated" ? event.payload : undefined,
    alerts: telegram.sent().slice(sentBefore),
  };
}

describe("handoff summary", () => {
  it("is stored on the conversation and the reply, sent to consoles and to each alert chat in its language", async () => {
    fake.setResponder(() =>
      answer({
        needed: true,
        type: "medical",
        reason: "Asks for a painkiller dose",
        summary: "Wants to know how much ibuprofen to take after an extraction",
      }),
    );
    const { conversationId, event, alerts } = await escalateWith(
      "How much ibuprofen can I take? My number is +971 50 123 4567",
    );
    const summary = {
      want: "Wants to know how much ibuprofen to take after an extraction",
      // The safety net agrees with the model: its deciding words follow the model's reason.
      why: 'Asks for a painkiller dose; Safety net: medication ("ibuprofen", "can i take", "how much")',
      contacts: ["+971501234567"],
      by: "model",
      // The model's reason leads as written; the net's part is read in each reader's language.
      cause: {
        code: "safety_net",
        kind: "medication",
        detail: "ibuprofen, can i take, how much",
        lead: "Asks for a painkiller dose",
      },
    };
    const row = await deps.repos.conversations.get(conversationId);
    expect(row?.handoffSummary).toEqual(summary);
    const stored = await deps.repos.messages.page(conversationId);
    expect(stored.items[1]?.metadata.escalation?.summary).toEqual(summary);
    expect(event?.summary).toEqual(summary);
    expect(event?.conversation.handoffSummary).toEqual(summary);

    const english = alerts.find((m) => m.chatId === "-2001")?.text ?? "";
    expect(english).toContain(
      "Wants: Wants to know how much ibuprofen to take after an extraction",
    );
    expect(english).toContain("Contacts: +971501234567");
    expect(english).toContain("Asks for a painkiller dose");
    const russian = alerts.find((m) => m.chatId === "-2002")?.text ?? "";
    expect(russian).toContain("Хочет: Wants to know how much ibuprofen");
    expect(russian).toContain("Контакты: +971501234567");
    expect(russian).toContain(
      "Причина: Asks for a painkiller dose; Проверка безопасности: лекарства и дозировки («ibuprofen»",
    );

    // The inbox lists it with the row.
    const list = await callerAs(deps, operator).conversations.list({ status: "NEEDS_HUMAN" });
    const listed = list.items.find((item) => item.conversationId === conversationId);
    expect(listed?.handoffSummary).toEqual(summary);
  });

  it("is written by the rules when the model gives none, quoting the customer", async () => {
    fake.setResponder(() => answer({ needed: false, type: "none", reason: "", summary: "" }));
    const { conversationId, event, alerts } = await escalateWith(
      "Hello. Please call me back on +7 916 123-45-67",
    );
    const row = await deps.repos.conversations.get(conversationId);
    expect(row?.handoffSummary).toEqual({
      want: "Hello. Please call me back on +7 916 123-45-67",
      why: "The customer shared a phone number",
      contacts: ["+79161234567"],
      by: "rules",
      cause: { code: "contact_shared", kind: "phone" },
    });
    expect(event?.summary?.by).toBe("rules");
    expect(alerts.find((m) => m.chatId === "-2001")?.text).toContain(
      "Wants: “Hello. Please call me back on +7 916 123-45-67”",
    );
  });

  it("names the safety net's categories and words as its cause: each alert chat reads them in its language", async () => {
    fake.setResponder(() => answer({ needed: false, type: "none", reason: "", summary: "" }));
    const { conversationId, alerts } = await escalateWith("Can I take ibuprofen? How much?");
    const row = await deps.repos.conversations.get(conversationId);
    expect(row?.handoffSummary?.cause).toEqual({
      code: "safety_net",
      kind: "medication",
      detail: expect.stringContaining("ibuprofen") as unknown,
    });
    expect(row?.handoffReason).toMatch(/^Safety net: medication \("ibuprofen"/);
    const english = alerts.find((m) => m.chatId === "-2001")?.text ?? "";
    expect(english).toMatch(/Reason: Safety net: medication \("ibuprofen"/);
    const russian = alerts.find((m) => m.chatId === "-2002")?.text ?? "";
    expect(russian).toMatch(/Причина: Проверка безопасности: лекарства и дозировки \(«ibuprofen»/);
    expect(russian).not.toContain("Safety net");
  });
});
