import type { Conversation } from "@agents-crm/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import {
  createEscalationAlerts,
  type EscalationAlerts,
} from "../src/domain/alerts/escalation-alerts";
import type { AdminEvent } from "../src/domain/conversations/events";
import { createLogger } from "../src/logger";
import { createTelegramBotApi } from "../src/platforms/telegram-bot-api";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { ADMIN_STREAM, type RealtimeEvent } from "../src/realtime/types";
import { createAgent } from "./helpers/chat-kit";
import { startFakeTelegram, type FakeBot, type FakeTelegram } from "./fakes/fake-telegram";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let telegram: FakeTelegram;
let bot: FakeBot;
const logLines: string[] = [];
const opened: EscalationAlerts[] = [];

function alerts(
  options: { appUrl?: string; realertMinutes?: number; sweepIntervalMs?: number } = {},
) {
  const instance = createEscalationAlerts({
    env: { APP_URL: options.appUrl, ESCALATION_REALERT_MINUTES: options.realertMinutes ?? 15 },
    repos: deps.repos,
    hub: deps.hub,
    log: createLogger({ json: true, level: "debug", write: (line) => logLines.push(line) }),
    telegram: createTelegramBotApi({ baseUrl: telegram.url, timeoutMs: 2_000 }),
    retry: { attempts: 4, baseDelayMs: 20, maxRetryAfterSeconds: 5 },
    sweepIntervalMs: options.sweepIntervalMs,
  });
  opened.push(instance);
  return instance;
}

const SUMMARY = {
  want: "A second opinion on a crown",
  why: "Asked for the doctor",
  contacts: ["+971501234567"],
  by: "model" as const,
};

async function needsHuman(minutesAgo: number, agentId = "dr_alerts"): Promise<Conversation> {
  const created = await deps.repos.conversations.create({ agentId, channel: "web_chat" });
  return deps.repos.conversations.update(created.conversationId, {
    status: "NEEDS_HUMAN",
    handoffReason: "Asked for the doctor",
    escalationType: "medical",
    handoffSummary: SUMMARY,
    needsHumanSince: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  });
}

const details = { reason: "Asked for the doctor", escalationType: "medical" };

beforeAll(async () => {
  telegram = await startFakeTelegram();
  deps = await createTestDeps();
  await createAgent(deps, "dr_alerts");
  await createAgent(deps, "dr_quiet");
  bot = telegram.addBot();
  await deps.repos.notificationConfigs.create({ chatId: "100", botToken: bot.token });
  await deps.repos.notificationConfigs.create({
    chatId: "200",
    botToken: bot.token,
    agentIds: ["dr_alerts"],
    language: "ru",
  });
  await deps.repos.notificationConfigs.create({
    chatId: "300",
    botToken: bot.token,
    agentIds: ["someone_else"],
  });
  await deps.repos.notificationConfigs.create({
    chatId: "400",
    botToken: bot.token,
    isActive: false,
  });
});

beforeEach(() => {
  telegram.calls.length = 0;
  logLines.length = 0;
});

afterAll(async () => {
  for (const instance of opened) await instance.close();
  await closeConversationRuntime(deps);
  await deps.db.close();
  await telegram.close();
});

const sentTo = (conversationId: string) =>
  telegram
    .sent()
    .filter((m) => m.text.includes(conversationId))
    .map((m) => m.chatId)
    .sort();

describe("Telegram escalation alerts", () => {
  it("alert the agent's active chats with a link built from APP_URL", async () => {
    const conversation = await needsHuman(0);
    const instance = alerts({ appUrl: "https://crm.example.test/" });
    await instance.escalated(conversation, details);
    await instance.drain();
    expect(sentTo(conversation.conversationId)).toEqual(["100", "200"]);
    const textTo = (chatId: string) =>
      telegram
        .sent()
        .find((m) => m.chatId === chatId && m.text.includes(conversation.conversationId))?.text;
    const text = textTo("100");
    expect(text).toContain("Agent: Dr. Test");
    expect(text).toContain("Reason: Asked for the doctor");
    expect(text).toContain("Type: medical question");
    expect(text).toContain(
      `https://crm.example.test/admin/conversations/${conversation.conversationId}`,
    );
    // Each chat reads alerts in its own language; the model's reason is passed on as written.
    const russian = textTo("200");
    expect(russian).toContain("🚨 Диалогу нужен человек");
    expect(russian).toContain("Агент: Dr. Test");
    expect(russian).toContain("Причина: Asked for the doctor");
    expect(russian).toContain("Тип: медицинский вопрос");
    expect(russian).toContain("Канал: веб-чат");
  });

  it("send no link at all without APP_URL (no hard-coded domain)", async () => {
    const conversation = await needsHuman(0);
    const instance = alerts();
    await instance.escalated(conversation, details);
    await instance.drain();
    const texts = telegram.sent().filter((m) => m.text.includes(conversation.conversationId));
    expect(texts).toHaveLength(2);
    for (const { text } of texts) expect(text).not.toMatch(/https?:\/\//);
  });

  it("wait out a 429 for retry_after seconds, and retry server errors with back-off", async () => {
    const conversation = await needsHuman(0, "dr_quiet");
    telegram.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      retry_after: 1,
    });
    telegram.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    const instance = alerts();
    const started = Date.now();
    await instance.escalated(conversation, details);
    await instance.drain();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(sentTo(conversation.conversationId)).toEqual(["100"]);
    expect(telegram.calls.filter((c) => c.method === "sendMessage")).toHaveLength(3);
  });

  it("do not retry refusals; log them without the bot token; other chats still get theirs", async () => {
    const conversation = await needsHuman(0);
    telegram.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const instance = alerts();
    await instance.escalated(conversation, details);
    await instance.drain();
    expect(telegram.calls.filter((c) => c.method === "sendMessage")).toHaveLength(2);
    expect(sentTo(conversation.conversationId)).toHaveLength(1);
    const logged = logLines.join("\n");
    expect(logged).toContain("telegram escalation alert failed");
    expect(logged).not.toContain(bot.token);
  });

  it("make shutdown wait for deliveries under way", async () => {
    const conversation = await needsHuman(0, "dr_quiet");
    telegram.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      retry_after: 1,
    });
    const instance = alerts();
    await instance.escalated(conversation, details);
    expect(instance.pending).toBe(1);
    await instance.close();
    expect(sentTo(conversation.conversationId)).toEqual(["100"]);
  });

  it("publish the escalation to the consoles with browser-notification data", async () => {
    const conversation = await needsHuman(0);
    const seen: RealtimeEvent[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => seen.push(event));
    const instance = alerts();
    await instance.escalated(conversation, details);
    unsubscribe();
    const event = seen.find((e) => e.type === "conversation.escalated");
    const payload = event?.payload as Extract<
      AdminEvent,
      { type: "conversation.escalated" }
    >["payload"];
    expect(payload.notification).toEqual({
      title: "A conversation needs a human",
      body: "Dr. Test: Asked for the doctor",
      url: `/admin/conversations/${conversation.conversationId}`,
      tag: `escalation-${conversation.conversationId}`,
    });
    expect(payload.conversation).toMatchObject({
      conversationId: conversation.conversationId,
      status: "NEEDS_HUMAN",
    });
    await instance.drain();
  });
});

describe("re-alerts", () => {
  it("re-alert once an escalation nobody took over is older than the configured time, once across replicas", async () => {
    const stale = await needsHuman(20);
    const fresh = await needsHuman(5);
    const taken = await needsHuman(30);
    await deps.repos.conversations.update(taken.conversationId, { status: "HUMAN_ACTIVE" });
    const seen: RealtimeEvent[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => seen.push(event));

    const replicaA = alerts({ realertMinutes: 15 });
    const replicaB = alerts({ realertMinutes: 15 });
    const [a, b] = await Promise.all([replicaA.sweep(), replicaB.sweep()]);
    await replicaA.drain();
    await replicaB.drain();
    unsubscribe();

    const realerted = seen.filter((e) => e.type === "conversation.escalated");
    const ids = realerted.map(
      (e) =>
        (e.payload as { conversation: { conversationId: string } }).conversation.conversationId,
    );
    expect(ids).toContain(stale.conversationId);
    expect(ids).not.toContain(fresh.conversationId);
    expect(ids).not.toContain(taken.conversationId);
    expect(ids.filter((id) => id === stale.conversationId)).toHaveLength(1);
    expect(a + b).toBe(ids.length);
    expect(realerted[0]?.payload).toMatchObject({ realert: true });
    const texts = telegram.sent().filter((m) => m.text.includes(stale.conversationId));
    expect(texts.length).toBe(2);
    expect(texts[0]?.text).toMatch(/Still waiting for a human \(2\d min\)/);
    // The reminder carries the summary the escalation stored.
    expect(realerted[0]?.payload).toMatchObject({ summary: SUMMARY });
    expect(texts.map((m) => m.text).join("\n")).toContain("Wants: A second opinion on a crown");
    expect(texts.map((m) => m.text).join("\n")).toContain("Хочет: A second opinion on a crown");

    expect(await replicaA.sweep()).toBe(0);
    // A later escalation of the same conversation gets its own re-alert.
    await deps.repos.conversations.update(stale.conversationId, {
      needsHumanSince: new Date(Date.now() - 16 * 60_000).toISOString(),
    });
    expect(await replicaA.sweep()).toBe(1);
    await replicaA.drain();
  });

  it("sweep periodically once started, and never when the time is 0", async () => {
    const stale = await needsHuman(60, "dr_quiet");
    expect(await alerts({ realertMinutes: 0 }).sweep()).toBe(0);
    const instance = alerts({ realertMinutes: 15, sweepIntervalMs: 30 });
    instance.start();
    const deadline = Date.now() + 3_000;
    while (!telegram.sent().some((m) => m.text.includes(stale.conversationId))) {
      if (Date.now() > deadline) throw new Error("no periodic re-alert");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await instance.close();
  });
});
