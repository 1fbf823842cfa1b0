import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { createEscalationAlerts } from "../src/domain/alerts/escalation-alerts";
import { createLogger } from "../src/logger";
import { createTelegramBotApi } from "../src/platforms/telegram-bot-api";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { ADMIN_STREAM, type RealtimeEvent } from "../src/realtime/types";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { failure } from "./helpers/router-kit";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { createTestDeps } from "./helpers/test-api";

const AGENT = "dr_snooze_handled";
let deps: ApiDeps;
let telegram: FakeTelegram;
let olga: AdminUser;
const olgaCalls = () => callerAs(deps, principalOf(olga), { requestId: "req-snooze-handled" });
const visitor = () => callerAs(deps, { kind: "anonymous" });
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000);

beforeAll(async () => {
  telegram = await startFakeTelegram();
  deps = await createTestDeps({ ESCALATION_REALERT_MINUTES: "15" });
  await createAgent(deps, AGENT);
  olga = await seedUser(deps, { role: "operator", name: "Olga" });
  const bot = telegram.addBot();
  await deps.repos.notificationConfigs.create({ chatId: "600", botToken: bot.token });
  await deps.repos.notificationConfigs.create({
    chatId: "601",
    botToken: bot.token,
    staffUserId: olga.userId,
    language: "ru",
  });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await telegram.close();
});

/** A web chat Olga took over: HUMAN_ACTIVE, assigned to her. */
async function handledByOlga() {
  const chat = await visitor().chat.start({ agentId: AGENT });
  const row = await olgaCalls().conversations.handoff(chat);
  expect(row).toMatchObject({ status: "HUMAN_ACTIVE", assigneeId: olga.userId });
  return chat;
}

describe("snoozing a conversation a human handles", () => {
  it("takes it out of Human active into Snoozed; the customer writing wakes it as HUMAN_ACTIVE, still hers", async () => {
    const chat = await handledByOlga();
    // Before: PRECONDITION_FAILED, "Only a conversation waiting for a human can be snoozed".
    const row = await olgaCalls().conversations.snooze({ ...chat, until: hoursFromNow(3) });
    expect(row).toMatchObject({ status: "HUMAN_ACTIVE", assigneeId: olga.userId });
    expect(await olgaCalls().conversations.counts({ agentId: AGENT })).toMatchObject({
      HUMAN_ACTIVE: 0,
      SNOOZED: 1,
    });
    const handled = await olgaCalls().conversations.list({
      agentId: AGENT,
      status: "HUMAN_ACTIVE",
    });
    expect(handled.items).toHaveLength(0);
    const snoozed = await olgaCalls().conversations.list({ agentId: AGENT, snoozed: true });
    expect(snoozed.items.map((c) => c.conversationId)).toEqual([chat.conversationId]);

    await visitor().chat.send({ ...chat, content: "One more question" });
    const woken = await deps.repos.conversations.get(chat.conversationId);
    expect(woken).toMatchObject({ status: "HUMAN_ACTIVE", assigneeId: olga.userId });
    expect(woken?.snoozedUntil).toBeUndefined();
    expect(await olgaCalls().conversations.counts({ agentId: AGENT })).toMatchObject({
      HUMAN_ACTIVE: 1,
      SNOOZED: 0,
    });
  });

  it("its time passing wakes it as HUMAN_ACTIVE: no escalation alert, a reminder in the assignee's own chat", async () => {
    const chat = await handledByOlga();
    await olgaCalls().conversations.snooze({ ...chat, until: hoursFromNow(1) });
    await deps.repos.conversations.update(chat.conversationId, {
      snoozedUntil: new Date(Date.now() - 1_000).toISOString(),
    });
    const alerts = createEscalationAlerts({
      env: { APP_URL: "https://crm.example.test", ESCALATION_REALERT_MINUTES: 15 },
      repos: deps.repos,
      hub: deps.hub,
      log: createLogger({ json: true, level: "error", write: () => undefined }),
      telegram: createTelegramBotApi({ baseUrl: telegram.url, timeoutMs: 2_000 }),
      retry: { attempts: 2, baseDelayMs: 10, maxRetryAfterSeconds: 1 },
    });
    const seen: RealtimeEvent[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => seen.push(event));
    await alerts.sweep();
    await alerts.drain();
    unsubscribe();
    const after = await deps.repos.conversations.get(chat.conversationId);
    expect(after).toMatchObject({ status: "HUMAN_ACTIVE", assigneeId: olga.userId });
    expect(after?.snoozedUntil).toBeUndefined();
    const about = seen.filter(
      (e) =>
        (e.payload as { conversation?: { conversationId: string } }).conversation
          ?.conversationId === chat.conversationId,
    );
    expect(about.map((e) => [e.type, (e.payload as { change?: string }).change])).toEqual([
      ["conversation.updated", "snooze_ended"],
    ]);
    const sent = telegram.sent().filter((m) => m.text.includes(chat.conversationId));
    expect(sent.map((m) => m.chatId)).toEqual(["601"]);
    expect(sent[0]?.text).toContain("Отложенный диалог снова ждёт вас");
    expect(sent[0]?.text).toContain(
      `https://crm.example.test/admin/conversations/${chat.conversationId}`,
    );
    await alerts.close();
  });

  it("the Snoozed view pages through waiting and handled conversations alike", async () => {
    const agentId = "dr_snooze_both";
    await createAgent(deps, agentId);
    const waiting = await visitor().chat.start({ agentId });
    await deps.repos.conversations.update(waiting.conversationId, {
      status: "NEEDS_HUMAN",
      handoffReason: "Wants a human",
      escalationType: "custom",
      needsHumanSince: new Date().toISOString(),
    });
    const handled = await visitor().chat.start({ agentId });
    await olgaCalls().conversations.handoff(handled);
    for (const chat of [waiting, handled]) {
      await olgaCalls().conversations.snooze({ ...chat, until: hoursFromNow(2) });
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { conversationId: string }[]; nextCursor: string | null } =
        await olgaCalls().conversations.list({ agentId, snoozed: true, limit: 1, cursor });
      ids.push(...page.items.map((c) => c.conversationId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([waiting.conversationId, handled.conversationId]);
    expect((await olgaCalls().conversations.counts({ agentId })).SNOOZED).toBe(2);
  });

  it("is refused where the AI answers or the conversation is done", async () => {
    const ai = await visitor().chat.start({ agentId: AGENT });
    const refused = await failure(
      olgaCalls().conversations.snooze({ ...ai, until: hoursFromNow(1) }),
    );
    expect(refused).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Only a conversation waiting for a human or handled by one can be snoozed",
    });
    await olgaCalls().conversations.resolve(ai);
    expect(
      await failure(olgaCalls().conversations.snooze({ ...ai, until: hoursFromNow(1) })),
    ).toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
