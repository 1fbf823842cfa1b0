import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import type { FakeBot, FakeTelegram } from "./fakes/fake-telegram";
import { callerAs } from "./helpers/auth-fixtures";
import { auditActions, callRevealingNone, failure } from "./helpers/router-kit";
import { startTelegramAdmin, type TelegramAdmin } from "./helpers/telegram-kit";

let telegram: FakeTelegram;
let deps: ApiDeps;
let admin: Staff;
let bot: FakeBot;
let started: TelegramAdmin | undefined;
const secrets: string[] = [];

beforeAll(async () => {
  started = await startTelegramAdmin({ APP_NAME: "Smile CRM" }, "alerts_bot");
  ({ telegram, deps, admin, bot } = started);
  secrets.push(bot.token);
  await deps.repos.agents.create({ agentId: "notify_agent", config: { agent_id: "notify_agent" } });
});

afterAll(async () => {
  await started?.close();
});

/** Calls through the router: no secret, and no Secrets Manager path, comes back. */
const call = <T>(fn: (c: ReturnType<typeof callerAs>) => Promise<T>) =>
  callRevealingNone(deps, admin, [...secrets, "doctor-agent/"], fn);

describe("notifications", () => {
  let configId: string;

  it("verifies the bot token with getMe before storing it", async () => {
    const created = await call((c) =>
      c.notifications.create({
        chatId: -100123,
        botToken: bot.token,
        description: "Front desk",
        agentIds: ["notify_agent"],
      }),
    );
    configId = created.configId;
    expect(created).toMatchObject({
      chatId: "-100123",
      isActive: true,
      description: "Front desk",
      agentIds: ["notify_agent"],
      language: "en",
      createdBy: admin.id,
    });
    expect(
      telegram.calls.filter((c) => c.method === "getMe" && c.token === bot.token),
    ).toHaveLength(1);
    expect(await deps.repos.notificationConfigs.getBotToken(configId)).toBe(bot.token);
    expect(await auditActions(deps, configId)).toEqual(["notification.create"]);
  });

  it('answers BAD_REQUEST "Invalid bot token" when Telegram refuses the token', async () => {
    const bad = `${bot.id}:not-the-right-secret`;
    secrets.push(bad);
    const err = await failure(
      callerAs(deps, admin).notifications.create({ chatId: "42", botToken: bad }),
      secrets,
    );
    expect(err).toMatchObject({ code: "BAD_REQUEST", paths: ["botToken"] });
    expect(err.message).toMatch(/Invalid bot token/);
    const malformed = await failure(
      callerAs(deps, admin).notifications.create({ chatId: "42", botToken: "garbage" }),
      secrets,
    );
    expect(malformed.paths).toEqual(["botToken"]);
    const chat = await failure(
      callerAs(deps, admin).notifications.create({ chatId: "not a chat", botToken: bot.token }),
      secrets,
    );
    expect(chat.paths).toEqual(["chatId"]);
    const agent = await failure(
      callerAs(deps, admin).notifications.create({
        chatId: "42",
        botToken: bot.token,
        agentIds: ["ghost"],
      }),
      secrets,
    );
    expect(agent.paths).toEqual(["agentIds.0"]);
  });

  it("lists configs without tokens", async () => {
    const page = await call((c) => c.notifications.list());
    expect(page.items.map((i) => i.configId)).toEqual([configId]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).not.toHaveProperty("botTokenSecretName");
  });

  it("sends a test message with the config's own bot", async () => {
    const result = await call((c) => c.notifications.test({ configId }));
    expect(result).toMatchObject({ configId, status: "sent" });
    expect(result.messageId).toBeGreaterThan(0);
    const [message] = telegram.sent("-100123");
    expect(message?.token).toBe(bot.token);
    expect(message?.text).toContain("Smile CRM");
    expect(message?.text).toContain("agents notify_agent");
    expect(await auditActions(deps, configId)).toContain("notification.test");
  });

  it("writes to the chat in the language chosen for it, and refuses an unknown one by name", async () => {
    const updated = await call((c) => c.notifications.update({ configId, language: "ru" }));
    expect(updated.language).toBe("ru");
    await call((c) => c.notifications.test({ configId }));
    expect(telegram.sent("-100123").at(-1)?.text).toMatch(/^✅ Тестовое уведомление от Smile CRM/);
    const wrong = await failure(
      callerAs(deps, admin).notifications.update({
        configId,
        language: "de" as unknown as "en",
      }),
      secrets,
    );
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", paths: ["language"] });
    await call((c) => c.notifications.update({ configId, language: "en" }));
  });

  it("names the chat when Telegram cannot reach it, and maps flood control", async () => {
    telegram.forgetChat("-100123");
    const err = await failure(callerAs(deps, admin).notifications.test({ configId }), secrets);
    expect(err).toMatchObject({ code: "BAD_REQUEST", paths: ["chatId"] });
    expect(err.message).toContain("chat not found");
    telegram.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      retry_after: 7,
    });
    const flood = await failure(callerAs(deps, admin).notifications.test({ configId }), secrets);
    expect(flood.code).toBe("TOO_MANY_REQUESTS");
    expect(flood.message).toContain("7 s");
  });

  it("re-verifies a new token on update and audits old and new values", async () => {
    const other = telegram.addBot();
    secrets.push(other.token);
    const updated = await call((c) =>
      c.notifications.update({ configId, botToken: other.token, chatId: "777", isActive: false }),
    );
    expect(updated).toMatchObject({ chatId: "777", isActive: false });
    expect(await deps.repos.notificationConfigs.getBotToken(configId)).toBe(other.token);
    const bad = await failure(
      callerAs(deps, admin).notifications.update({ configId, botToken: `${other.id}:wrong` }),
      secrets,
    );
    expect(bad.paths).toEqual(["botToken"]);
    const entry = (
      await deps.repos.audit.list({ resourceId: configId, action: "notification.update" })
    ).items[0];
    expect(entry).toMatchObject({
      oldValue: { chatId: "-100123", isActive: true },
      newValue: { chatId: "777", isActive: false },
      metadata: { tokenChanged: true },
    });
    expect(JSON.stringify(entry)).not.toContain(other.token);
  });

  it("deletes the config and its token", async () => {
    expect(await call((c) => c.notifications.delete({ configId }))).toEqual({
      configId,
      deleted: true,
    });
    expect(await deps.repos.notificationConfigs.getBotToken(configId)).toBeNull();
    expect(
      (await failure(callerAs(deps, admin).notifications.test({ configId }), secrets)).code,
    ).toBe("NOT_FOUND");
    expect(await auditActions(deps, configId)).toContain("notification.delete");
  });
});
