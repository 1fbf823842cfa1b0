import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import type { FakeBot, FakeTelegram } from "./fakes/fake-telegram";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent, waitUntil } from "./helpers/chat-kit";
import { startTelegramAdmin, type TelegramAdmin } from "./helpers/telegram-kit";

let telegram: FakeTelegram;
let deps: ApiDeps;
let admin: Staff;
let bot: FakeBot;
let rita: AdminUser;
let started: TelegramAdmin | undefined;

beforeAll(async () => {
  started = await startTelegramAdmin({ APP_URL: "https://crm.example.test" }, "personal_bot");
  ({ telegram, deps, admin, bot } = started);
  await createAgent(deps, "dr_personal_chat");
  rita = await seedUser(deps, { role: "operator", name: "Rita" });
});

afterAll(async () => {
  await started?.close();
});

describe("a staff member's own alert chat", () => {
  it("is saved with whose it is, refuses an unknown person, and can become a shared chat again", async () => {
    const c = callerAs(deps, admin);
    await expect(
      c.notifications.create({ chatId: 700, botToken: bot.token, staffUserId: "nobody-here" }),
    ).rejects.toThrow(/no staff member/);
    const created = await c.notifications.create({
      chatId: 701,
      botToken: bot.token,
      staffUserId: rita.userId,
    });
    expect(created.staffUserId).toBe(rita.userId);
    const shared = await c.notifications.update({ configId: created.configId, staffUserId: null });
    expect(shared.staffUserId).toBeNull();
    await c.notifications.update({ configId: created.configId, staffUserId: rita.userId });
  });

  it("gets the conversations assigned to that person, through conversations.assign", async () => {
    const visitor = callerAs(deps, { kind: "anonymous" });
    const chat = await visitor.chat.start({ agentId: "dr_personal_chat" });
    telegram.calls.length = 0;
    await callerAs(deps, admin).conversations.assign({
      conversationId: chat.conversationId,
      userId: rita.userId,
    });
    await waitUntil(() => telegram.sent("701").some((m) => m.text.includes(chat.conversationId)));
    const [message] = telegram.sent("701");
    expect(message?.text).toContain("assigned a conversation to you");
    expect(message?.text).toContain(
      `https://crm.example.test/admin/conversations/${chat.conversationId}`,
    );
    // Rita assigning herself a conversation sends her nothing.
    const other = await visitor.chat.start({ agentId: "dr_personal_chat" });
    await callerAs(deps, principalOf(rita)).conversations.assign({
      conversationId: other.conversationId,
      userId: rita.userId,
    });
    await deps.alerts.drain();
    expect(telegram.sent("701").some((m) => m.text.includes(other.conversationId))).toBe(false);
  });
});
