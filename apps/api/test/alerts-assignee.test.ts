import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { createEscalationAlerts } from "../src/domain/alerts/escalation-alerts";
import { createLogger } from "../src/logger";
import { createTelegramBotApi } from "../src/platforms/telegram-bot-api";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let telegram: FakeTelegram;
let olga: AdminUser;
let pavel: AdminUser;

function alerts() {
  return createEscalationAlerts({
    env: { APP_URL: "https://crm.example.test", ESCALATION_REALERT_MINUTES: 15 },
    repos: deps.repos,
    hub: deps.hub,
    log: createLogger({ json: true, level: "error", write: () => undefined }),
    telegram: createTelegramBotApi({ baseUrl: telegram.url, timeoutMs: 2_000 }),
    retry: { attempts: 2, baseDelayMs: 10, maxRetryAfterSeconds: 1 },
  });
}

beforeAll(async () => {
  telegram = await startFakeTelegram();
  deps = await createTestDeps();
  await createAgent(deps, "dr_personal");
  olga = await seedUser(deps, { role: "operator", name: "Olga" });
  pavel = await seedUser(deps, { role: "operator", name: "Pavel" });
  const bot = telegram.addBot();
  await deps.repos.notificationConfigs.create({ chatId: "500", botToken: bot.token });
  await deps.repos.notificationConfigs.create({
    chatId: "501",
    botToken: bot.token,
    staffUserId: olga.userId,
    language: "ru",
  });
  await deps.repos.notificationConfigs.create({
    chatId: "502",
    botToken: bot.token,
    staffUserId: pavel.userId,
  });
});

beforeEach(() => {
  telegram.calls.length = 0;
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await telegram.close();
});

async function waiting(minutesAgo: number, assigneeId?: string) {
  const created = await deps.repos.conversations.create({
    agentId: "dr_personal",
    channel: "web_chat",
  });
  return deps.repos.conversations.update(created.conversationId, {
    status: "NEEDS_HUMAN",
    handoffReason: "Asked for the doctor",
    escalationType: "medical",
    needsHumanSince: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    ...(assigneeId ? { assigneeId } : {}),
  });
}

const sentAbout = (conversationId: string) =>
  telegram.sent().filter((m) => m.text.includes(conversationId));

describe("alerts for the assignee", () => {
  it("an assignment reaches only the assignee's own chat, in its language, with the link", async () => {
    const instance = alerts();
    const conversation = await waiting(0, olga.userId);
    await instance.assigned(conversation, { actorName: "Anna" });
    await instance.drain();
    const sent = sentAbout(conversation.conversationId);
    expect(sent.map((m) => m.chatId)).toEqual(["501"]);
    expect(sent[0]?.text).toContain("Anna назначил(а) вам разговор");
    expect(sent[0]?.text).toContain(
      `https://crm.example.test/admin/conversations/${conversation.conversationId}`,
    );
    await instance.close();
  });

  it("the first alert of an assigned conversation reaches only the assignee's own chats", async () => {
    const instance = alerts();
    const conversation = await waiting(0, olga.userId);
    await instance.escalated(conversation, { reason: "Asked", escalationType: "medical" });
    await instance.drain();
    expect(sentAbout(conversation.conversationId).map((m) => m.chatId)).toEqual(["501"]);
    await instance.close();
  });

  it("a re-alert of an assigned conversation reaches the assignee's own chats first, then the team's", async () => {
    const instance = alerts();
    const conversation = await waiting(20, pavel.userId);
    expect(await instance.sweep()).toBeGreaterThanOrEqual(1);
    await instance.drain();
    const chats = sentAbout(conversation.conversationId).map((m) => m.chatId);
    expect(chats[0]).toBe("502");
    expect(chats.slice(1).sort()).toEqual(["500", "501"]);
    await instance.close();
  });

  it("an unassigned escalation alerts every chat, with no assignment message", async () => {
    const instance = alerts();
    const conversation = await waiting(0);
    await instance.assigned(conversation, { actorName: "Anna" });
    await instance.escalated(conversation, { reason: "Asked", escalationType: "medical" });
    await instance.drain();
    const sent = sentAbout(conversation.conversationId);
    expect(sent.map((m) => m.chatId).sort()).toEqual(["500", "501", "502"]);
    expect(sent.every((m) => !m.text.includes("назначил"))).toBe(true);
    await instance.close();
  });

  it("an assignee without chats of their own, or deactivated, leaves the alerts to the team", async () => {
    const instance = alerts();
    const nadia = await seedUser(deps, { role: "operator", name: "Nadia" });
    const gone = await seedUser(deps, { role: "operator", name: "Gone" });
    await deps.repos.notificationConfigs.create({
      chatId: "503",
      botToken: telegram.addBot().token,
      staffUserId: gone.userId,
    });
    await deps.repos.adminUsers.update(gone.userId, { isActive: false });
    const chatless = await waiting(0, nadia.userId);
    const deactivated = await waiting(20, gone.userId);
    await instance.escalated(chatless, { reason: "Asked", escalationType: "medical" });
    await instance.sweep();
    await instance.drain();
    expect(
      sentAbout(chatless.conversationId)
        .map((m) => m.chatId)
        .sort(),
    ).toEqual(["500", "501", "502", "503"]);
    expect(
      sentAbout(deactivated.conversationId)
        .map((m) => m.chatId)
        .sort(),
    ).toEqual(["500", "501", "502", "503"]);
    await instance.close();
  });
});
