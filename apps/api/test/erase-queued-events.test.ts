import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf, type InboundEvent } from "../src/channels/inbound-event";
import { startChannelWorkers } from "../src/channels/worker/channel-workers";
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

const AGENT = "tg_erase_queue";
let c: Channels;
let bot: Awaited<ReturnType<typeof bindTelegram>>;

beforeAll(async () => {
  c = await startChannels();
  bot = await bindTelegram(c, { agentId: AGENT });
});
afterAll(() => c.close());

const conversationsOf = (chat: number) => conversationOf(c.deps, AGENT, "telegram", String(chat));

/** A customer the agent has answered once: one conversation with its contact. */
async function answeredCustomer(chat: number, updateId: number) {
  await postTelegram(c, bot, telegramText(updateId, chat, "Hello, I am Olivia Brennan"));
  await c.workers.settled();
  const [conversation] = await conversationsOf(chat);
  expect(conversation?.contactId).toBeDefined();
  return conversation!;
}

async function erase(contactId: string) {
  const admin = await seedUser(c.deps, { role: "admin", name: `Eraser ${contactId}` });
  await callerAs(c.deps, principalOf(admin)).contacts.erase({ contactId });
}

const contactsNamed = async (name: string) =>
  (await c.admin.contacts.list({ search: name })).items.map((row) => row.contactId);

describe("an erasure holds against the customer's events still in the inbox", () => {
  it("an event queued before the erasure is never processed: no conversation, contact or reply comes back", async () => {
    const chat = 5600000001;
    const conversation = await answeredCustomer(chat, 860000001);
    await c.workers.stop();
    await postTelegram(c, bot, telegramText(860000002, chat, "Olivia Brennan again: Obsidian"));

    await erase(conversation.contactId!);
    c.workers = startChannelWorkers(c.deps, { pollMs: 50, recover: false });
    await c.workers.settled();

    expect(await conversationsOf(chat)).toEqual([]);
    expect(await contactsNamed("Olivia Brennan")).toEqual([]);
    expect(c.telegram.sent(chat).map((m) => m.text)).toEqual([echo("Hello, I am Olivia Brennan")]);
    expect(await c.deps.repos.inboundEvents.countQueued()).toBe(0);
  });

  it("a dead letter of the customer goes with the erasure, and an event that arrived before it is dropped however late it is handed out", async () => {
    const chat = 5600000004;
    const conversation = await answeredCustomer(chat, 860000301);
    await c.workers.stop();
    await postTelegram(c, bot, telegramText(860000302, chat, "Olivia Brennan: Granite"));
    const [claimed] = await c.deps.repos.inboundEvents.claimDue({
      workerId: "test",
      leaseMs: 60_000,
      limit: 1,
    });
    const failed = await c.deps.repos.inboundEvents.fail(claimed!.eventKey, "test", {
      error: "the model server was down",
      maxAttempts: 1,
      backoff: { baseMs: 1 },
    });
    expect(failed.outcome).toBe("dead");
    const arrivedAt = new Date();

    await erase(conversation.contactId!);

    expect(await c.deps.repos.inboundEvents.replay(claimed!.eventKey)).toBe(false);
    // A webhook that arrived before the erasure and was stored after it (the two raced).
    const late = { ...(claimed!.payload as InboundEvent), externalMessageId: "late-1" };
    await c.deps.repos.inboundEvents.record({
      platform: "telegram",
      scope: late.accountId,
      externalId: "late-1",
      orderKey: orderKeyOf(late),
      orderSort: 1,
      payload: late,
      receivedAt: arrivedAt,
    });
    c.workers = startChannelWorkers(c.deps, { pollMs: 50, recover: false });
    await c.workers.settled();

    expect(await conversationsOf(chat)).toEqual([]);
    expect(await contactsNamed("Olivia Brennan")).toEqual([]);
    expect(c.telegram.sent(chat)).toHaveLength(1);
  });

  it("an event being processed when the erasure runs leaves nothing behind and sends nothing", async () => {
    const chat = 5600000002;
    const conversation = await answeredCustomer(chat, 860000101);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked = c.llm.requests.length;
    c.llm.setResponder(async (request) => {
      await held;
      return echoResponder(request);
    });
    try {
      await postTelegram(c, bot, telegramText(860000102, chat, "Olivia Brennan: Basalt"));
      await waitUntil(() => c.llm.requests.slice(asked).some((r) => r.chat));
      await erase(conversation.contactId!);
    } finally {
      release();
      c.llm.setResponder(echoResponder);
    }
    await c.workers.settled();

    expect(await conversationsOf(chat)).toEqual([]);
    expect(await messagesOf(c.deps, conversation.conversationId)).toEqual([]);
    expect(await contactsNamed("Olivia Brennan")).toEqual([]);
    expect(c.telegram.sent(chat).map((m) => m.text)).toEqual([echo("Hello, I am Olivia Brennan")]);
  });

  it("a message the customer sends after the erasure starts a new conversation and is answered", async () => {
    const chat = 5600000003;
    const conversation = await answeredCustomer(chat, 860000201);
    await erase(conversation.contactId!);
    c.llm.setResponder(() => modelAnswer(echo("Hi again")));
    try {
      await postTelegram(c, bot, telegramText(860000202, chat, "Hi again"));
      await c.workers.settled();
    } finally {
      c.llm.setResponder(echoResponder);
    }
    const [fresh] = await conversationsOf(chat);
    expect(fresh?.conversationId).toBeDefined();
    expect(fresh?.conversationId).not.toBe(conversation.conversationId);
    const messages = await messagesOf(c.deps, fresh!.conversationId);
    expect(messages.map((m) => m.content)).toEqual(["Hi again", echo("Hi again")]);
  });
});
