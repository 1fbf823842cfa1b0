import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/test-api";
import { callerAs, machine } from "./helpers/auth-fixtures";
import { startFakeTelegram, type FakeBot, type FakeTelegram } from "./fakes/fake-telegram";
import { bindDirect, ensureAgent, fixture, inboxSize, post, stored } from "./helpers/webhook-kit";

let telegram: FakeTelegram;
let t: TestApi;
let bot: FakeBot;
let bindingId: string;
let secret: string;

/** A binding made the admin way: create, then verify (getMe + setWebhook with a secret token). */
async function bindBot(
  agentId: string,
): Promise<{ bot: FakeBot; bindingId: string; secret: string }> {
  await ensureAgent(t.deps, agentId);
  const created = telegram.addBot();
  const admin = callerAs(t.deps, machine);
  const binding = await admin.bindings.create({
    agentId,
    channelType: "telegram",
    accessToken: created.token,
  });
  const verified = await admin.bindings.verify({ bindingId: binding.bindingId });
  expect(verified).toMatchObject({ status: "verified", webhook: { status: "set" } });
  expect(created.webhook?.url).toBe(
    `https://crm.example.test/api/v1/telegram/webhook/${binding.bindingId}`,
  );
  return { bot: created, bindingId: binding.bindingId, secret: created.webhook?.secretToken ?? "" };
}

beforeAll(async () => {
  telegram = await startFakeTelegram();
  t = await startTestApi({
    TELEGRAM_API_BASE_URL: telegram.url,
    APP_URL: "https://crm.example.test",
  });
  ({ bot, bindingId, secret } = await bindBot("tg-agent"));
  expect(secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
});

afterAll(async () => {
  await t.close();
  await telegram.close();
});

const hookOf = (id: string) => `${t.url}/api/v1/telegram/webhook/${id}`;
const send = (body: string, token: string | null = secret, id = bindingId) =>
  post(hookOf(id), body, token === null ? {} : { "x-telegram-bot-api-secret-token": token });

const update = (updateId: number, text: string, chatId = 5000000001) =>
  JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId - 1000,
      from: { id: chatId, is_bot: false, first_name: "Anna" },
      chat: { id: chatId, type: "private", first_name: "Anna" },
      date: 1749416383,
      text,
    },
  });

describe("Telegram secret token", () => {
  it("the registered secret → stored under the bot id with update_id as the key", async () => {
    const res = await send(fixture("telegram-text.json"));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: "ok", stored: 1, duplicates: 0, skipped: 0 });
    const event = await stored(t.deps, "telegram", String(bot.id), "410000001");
    expect(event).toMatchObject({
      orderKey: `${bindingId}#5000000001`,
      orderSort: "00000000000410000001#410000001",
      payload: {
        platform: "telegram",
        bindingId,
        agentId: "tg-agent",
        accountId: String(bot.id),
        externalUserId: "5000000001",
        externalMessageId: "410000001",
        platformMessageId: "101",
        kind: "text",
        text: "Hello! How much is a check-up?",
        sender: { name: "Anna Petrova", username: "anna_p" },
      },
    });
  });

  it("a wrong or missing secret → 401, nothing stored", async () => {
    const size = await inboxSize(t.deps);
    expect((await send(update(410000100, "forged"), "wrong-secret")).status).toBe(401);
    expect((await send(update(410000100, "forged"), null)).status).toBe(401);
    expect((await send(update(410000100, "forged"), `${secret}x`)).status).toBe(401);
    expect(await stored(t.deps, "telegram", String(bot.id), "410000100")).toBeNull();
    expect(await inboxSize(t.deps)).toBe(size);
  });

  it("a secret re-registered by verify is honoured at once", async () => {
    const other = await bindBot("tg-agent-rotating");
    expect((await send(update(410000200, "before"), other.secret, other.bindingId)).status).toBe(
      200,
    );
    await t.deps.repos.channelBindings.update(other.bindingId, {
      webhookSecret: "rotated-secret-0123456789",
    });
    // (The previous secret stays valid for the routing cache's few seconds: Telegram uses the new one.)
    expect(
      (await send(update(410000202, "new"), "rotated-secret-0123456789", other.bindingId)).status,
    ).toBe(200);
  });

  it("an unknown, malformed, non-Telegram or inactive binding → 404", async () => {
    expect(
      (await send(update(410000300, "x"), secret, "00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404);
    expect((await send(update(410000300, "x"), secret, "not%20an%20id")).status).toBe(404);
    const instagram = await bindDirect(t.deps, {
      channelType: "instagram",
      accountId: "17841400000000555",
      agentId: "ig-owner",
      accessToken: "t",
      webhookSecret: "ig-should-not-matter",
    });
    expect(
      (await send(update(410000300, "x"), "ig-should-not-matter", instagram.bindingId)).status,
    ).toBe(404);
    const off = await bindBot("tg-agent-off");
    await t.deps.repos.channelBindings.update(off.bindingId, { isActive: false });
    expect((await send(update(410000301, "x"), off.secret, off.bindingId)).status).toBe(404);
    expect(await stored(t.deps, "telegram", String(off.bot.id), "410000301")).toBeNull();
  });

  it("an inactive agent → 200 and skipped", async () => {
    const paused = await bindBot("tg-agent-paused");
    await t.deps.repos.agents.setActive("tg-agent-paused", false);
    const res = await send(update(410000400, "hello?"), paused.secret, paused.bindingId);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ stored: 0, skipped: 1 });
    expect(await stored(t.deps, "telegram", String(paused.bot.id), "410000400")).toBeNull();
  });
});

describe("Telegram updates", () => {
  it("every fixture: customer updates stored as parsed, bot senders skipped", async () => {
    const cases: [string, string, string | null][] = [
      ["telegram-photo.json", "410000002", "photo"],
      ["telegram-voice.json", "410000003", "voice"],
      ["telegram-sticker.json", "410000004", "sticker"],
      ["telegram-document.json", "410000005", "file"],
      ["telegram-location.json", "410000006", "location"],
      ["telegram-contact.json", "410000007", "contact"],
      ["telegram-edited.json", "410000008", "edit"],
      ["telegram-callback.json", "410000009", "unsupported"],
      ["telegram-bot-sender.json", "410000010", null],
      ["telegram-reaction.json", "410000011", "reaction"],
    ];
    for (const [name, updateId, kind] of cases) {
      const res = await send(fixture(name));
      expect(res.status, name).toBe(200);
      const event = await stored(t.deps, "telegram", String(bot.id), updateId);
      if (kind === null) expect(event, name).toBeNull();
      else
        expect(event?.payload, name).toMatchObject({
          kind,
          bindingId,
          externalMessageId: updateId,
        });
    }
  });

  it("the same update delivered 3 times is stored once", async () => {
    const body = update(410000500, "three times");
    const size = await inboxSize(t.deps);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await send(body)).json().stored);
    expect(answers).toEqual([1, 0, 0]);
    expect(await inboxSize(t.deps)).toBe(size + 1);
  });

  it("groups allowed a moment ago: a mention is taken at once, not after the routing cache's seconds", async () => {
    const group = await bindBot("tg-agent-groups");
    const admin = callerAs(t.deps, machine);
    const mention = (updateId: number) =>
      JSON.stringify({
        update_id: updateId,
        message: {
          message_id: updateId - 1000,
          from: { id: 5000000002, is_bot: false, first_name: "Boris" },
          chat: { id: -1001987654321, title: "Patients", type: "supergroup" },
          date: 1749416383,
          text: `@${group.bot.username} when are you open?`,
          entities: [{ offset: 0, length: group.bot.username.length + 1, type: "mention" }],
        },
      });
    const before = await send(mention(410000600), group.secret, group.bindingId);
    expect(before.json()).toMatchObject({ stored: 0, skipped: 1 });
    const binding = (await admin.bindings.list({ agentId: "tg-agent-groups" })).items.find(
      (b) => b.bindingId === group.bindingId,
    );
    if (!binding) throw new Error("binding not listed");
    await admin.bindings.update({
      bindingId: group.bindingId,
      metadata: { ...binding.metadata, allowGroups: true },
      expectedVersion: binding.version,
    });
    const after = await send(mention(410000601), group.secret, group.bindingId);
    expect(after.json()).toMatchObject({ stored: 1, skipped: 0 });
    expect(await stored(t.deps, "telegram", String(group.bot.id), "410000601")).toMatchObject({
      payload: { externalUserId: "-1001987654321", kind: "text" },
    });
  });

  it("malformed JSON or a non-Update → 400; a body over 1 MB → 413; GET → 405", async () => {
    expect((await send("{oops")).status).toBe(400);
    expect((await send(JSON.stringify({ hello: "world" }))).status).toBe(400);
    expect((await send("x".repeat(1024 * 1024 + 1))).status).toBe(413);
    expect((await fetch(hookOf(bindingId))).status).toBe(405);
  });
});
