import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { modelAnswer, waitUntil } from "./helpers/chat-kit";
import {
  bindTelegram,
  conversationOf,
  echo,
  echoResponder,
  messagesOf,
  postTelegram,
  startChannels,
  telegramText,
  type Channels,
} from "./helpers/channels-kit";

const AGENT = "tg_clinic";
let c: Channels;
let bot: Awaited<ReturnType<typeof bindTelegram>>;

beforeAll(async () => {
  c = await startChannels({
    workers: { maxAttempts: 2, sendRetry: { attempts: 2, baseDelayMs: 20 } },
  });
  bot = await bindTelegram(c, { agentId: AGENT });
});
afterAll(() => c.close());

async function onlyConversation(chat: number) {
  const found = await conversationOf(c.deps, AGENT, "telegram", String(chat));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("Telegram delivery", () => {
  it("an update delivered three times is stored once and answered once", async () => {
    const chat = 5400000001;
    const update = telegramText(840000001, chat, "Hi, is the clinic open?");
    await Promise.all([1, 2, 3].map(() => postTelegram(c, bot, update)));
    await c.workers.settled();
    expect(c.telegram.sent(chat).map((m) => m.text)).toEqual([echo("Hi, is the clinic open?")]);
    const conversation = await onlyConversation(chat);
    const messages = await messagesOf(c.deps, conversation.conversationId);
    expect(messages.map((m) => m.role)).toEqual(["user", "agent"]);
    expect(messages[0]?.externalMessageId).toBe("840000002");
  });

  it("a long reply goes out in parts at most 4096 characters long, one per second", async () => {
    const chat = 5400000002;
    const sentence = "Please bring your previous X-rays and a list of the medicines you take. ";
    const long = sentence.repeat(150).trim();
    c.llm.setResponder(() => modelAnswer(long));
    try {
      await postTelegram(c, bot, telegramText(840000010, chat, "What should I bring?"));
      await waitUntil(() => c.telegram.sent(chat).length >= 3, 8_000);
      await c.workers.settled();
    } finally {
      c.llm.setResponder(echoResponder);
    }
    const parts = c.telegram.sent(chat);
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(parts.map((p) => p.text).join(" ")).toBe(long);
    const gaps = parts.slice(1).map((p, i) => p.at - (parts[i]?.at ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(990);
      expect(gap).toBeLessThan(1_500);
    }
  });

  it("a 429 with retry_after is waited out before the next try", async () => {
    const chat = 5400000003;
    c.telegram.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      retry_after: 2,
    });
    const before = c.telegram.calls.length;
    await postTelegram(c, bot, telegramText(840000020, chat, "Ping"));
    await waitUntil(
      () => c.telegram.calls.slice(before).some((call) => call.method === "sendMessage"),
      5_000,
    );
    const refusedAt = Date.now();
    await waitUntil(() => c.telegram.sent(chat).length === 1, 6_000);
    expect((c.telegram.sent(chat)[0]?.at ?? 0) - refusedAt).toBeGreaterThanOrEqual(1_950);
    await c.workers.settled();
    const conversation = await onlyConversation(chat);
    const reply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(reply?.deliveryStatus).toBe("sent");
  });

  it("a send that keeps failing with 5xx is retried, then shows as failed in the console", async () => {
    const chat = 5400000004;
    // 2 tries at once, then a delivery job: 2 tries per run × 2 runs (maxAttempts) = 6 answers of 502.
    for (let i = 0; i < 6; i++) {
      c.telegram.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    }
    const before = c.telegram.calls.filter((call) => call.method === "sendMessage").length;
    await postTelegram(c, bot, telegramText(840000030, chat, "Hello?"));
    await c.workers.settled();
    const tries = c.telegram.calls.filter((call) => call.method === "sendMessage").length - before;
    expect(tries).toBe(6);
    expect(c.telegram.sent(chat)).toHaveLength(0);

    const conversation = await onlyConversation(chat);
    const reply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(reply?.deliveryStatus).toBe("failed");
    expect(reply?.deliveryError).toMatch(/Bad Gateway/);
    expect(
      c.adminEvents.some(
        (e) =>
          e.type === "message.updated" &&
          (e.payload as { message: { messageId: string; deliveryStatus: string } }).message
            .messageId === reply?.messageId,
      ),
    ).toBe(true);
    const health = await c.admin.bindings.health({ agentId: AGENT });
    expect(health.items[0]?.lastError).toMatch(/Bad Gateway/);

    const dead = await c.admin.inbox.listDead({});
    const letter = dead.items.find((d) => d.delivery?.messageId === reply?.messageId);
    expect(letter).toMatchObject({ type: "delivery", platform: "telegram", attempts: 2 });

    // Telegram is back: replaying the dead letter delivers the message.
    await c.admin.inbox.replay({ eventKey: letter?.eventKey ?? "" });
    await c.workers.settled();
    expect(c.telegram.sent(chat).map((m) => m.text)).toEqual([echo("Hello?")]);
    const after = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(after).toMatchObject({ deliveryStatus: "sent" });
    expect(after?.deliveryError).toBeUndefined();
  });

  it("a 4xx is not retried: a blocked bot fails the message at once", async () => {
    const chat = 5400000005;
    c.telegram.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const before = c.telegram.calls.filter((call) => call.method === "sendMessage").length;
    await postTelegram(c, bot, telegramText(840000040, chat, "Bye"));
    await c.workers.settled();
    expect(c.telegram.calls.filter((call) => call.method === "sendMessage").length - before).toBe(
      1,
    );
    const conversation = await onlyConversation(chat);
    const reply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(reply).toMatchObject({ deliveryStatus: "failed" });
    expect(reply?.deliveryError).toMatch(/blocked by the user/);
  });

  it("one customer writing to two bots of one agent at once gets one conversation", async () => {
    const second = await bindTelegram(c, { agentId: AGENT });
    const chat = 5400000006;
    await Promise.all([
      postTelegram(c, bot, telegramText(840000050, chat, "From the first bot")),
      postTelegram(c, second, telegramText(850000050, chat, "From the second bot")),
    ]);
    await c.workers.settled();
    const conversation = await onlyConversation(chat);
    const users = (await messagesOf(c.deps, conversation.conversationId)).filter(
      (m) => m.role === "user",
    );
    expect(users.map((m) => m.content).sort()).toEqual([
      "From the first bot",
      "From the second bot",
    ]);
  });
});

describe("Telegram erasure", () => {
  it("erasing the contact deletes its updates from the inbox (keyed by update_id, kept on the message)", async () => {
    const chat = 5400000091;
    await postTelegram(
      c,
      bot,
      telegramText(840000901, chat, "Erase me: my number is +447700900321"),
    );
    await c.workers.settled();
    const conversation = await onlyConversation(chat);
    const [stored] = await messagesOf(c.deps, conversation.conversationId);
    const eventKey = stored?.metadata.inboxEventKey ?? "";
    expect(eventKey).toMatch(/^telegram#.+#840000901$/);
    const inbox = () => c.deps.repos.inboundEvents.get(eventKey);
    expect(await inbox()).not.toBeNull();
    const admin = await seedUser(c.deps, { role: "admin", name: "Erasing Admin" });
    await callerAs(c.deps, principalOf(admin)).contacts.erase({
      contactId: conversation.contactId!,
    });
    expect(await inbox()).toBeNull();
    expect(await c.deps.repos.conversations.get(conversation.conversationId)).toBeNull();
  });
});
