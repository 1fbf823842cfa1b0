import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { waitUntil } from "./helpers/chat-kit";
import {
  bindTelegram,
  conversationOf,
  postTelegram,
  startChannels,
  telegramText,
  type Channels,
} from "./helpers/channels-kit";

const AGENT = "tg_notes";
const SECRET = "Quokkanote";
const CUSTOMER = 5500000001;
const BORIS_ALERTS = "-100777";
const OTHER_ALERTS = "-100888";

let c: Channels;
let bot: Awaited<ReturnType<typeof bindTelegram>>;
let anna: Staff;
let boris: Staff;

beforeAll(async () => {
  c = await startChannels();
  bot = await bindTelegram(c, { agentId: AGENT });
  anna = principalOf(await seedUser(c.deps, { role: "operator", name: "Anna" }));
  boris = principalOf(await seedUser(c.deps, { role: "admin", name: "Boris Ivanov" }));
  const alerts = c.telegram.addBot();
  await c.deps.repos.notificationConfigs.create({
    chatId: BORIS_ALERTS,
    botToken: alerts.token,
    agentIds: [AGENT],
    language: "ru",
    createdBy: boris.id,
    staffUserId: boris.id,
  });
  await c.deps.repos.notificationConfigs.create({
    chatId: OTHER_ALERTS,
    botToken: alerts.token,
    createdBy: anna.id,
    staffUserId: anna.id,
  });
});
afterAll(() => c.close());

describe("notes on a Telegram conversation", () => {
  it("never go to the customer or the model; a mention reaches the colleague's own alert chat", async () => {
    await postTelegram(c, bot, telegramText(850000001, CUSTOMER, "Hello, can I book a cleaning?"));
    await c.workers.settled();
    const [conversation] = await conversationOf(c.deps, AGENT, "telegram", String(CUSTOMER));
    const conversationId = conversation?.conversationId ?? "";
    const staff = callerAs(c.deps, anna);

    await staff.conversations.addNote({
      conversationId,
      content: `${SECRET}: she is a returning patient, @boris ivanov can you call her?`,
    });
    await waitUntil(() => c.telegram.sent(BORIS_ALERTS).length === 1);
    const [alert] = c.telegram.sent(BORIS_ALERTS);
    expect(alert?.text).toContain("Anna упоминает вас в заметке");
    expect(alert?.text).toContain(SECRET);
    expect(alert?.text).toContain(`https://crm.example.test/admin/conversations/${conversationId}`);
    // Anna's own chat is not told about her own note; nobody else's chat hears of it.
    expect(c.telegram.sent(OTHER_ALERTS)).toEqual([]);

    c.llm.reset();
    await postTelegram(c, bot, telegramText(850000010, CUSTOMER, "Is Friday possible?"));
    await c.workers.settled();
    await staff.conversations.reply({ conversationId, content: "Friday at 10 works." });
    await waitUntil(() => c.telegram.sent(CUSTOMER).some((m) => m.text === "Friday at 10 works."));
    await c.workers.settled();

    const toCustomer = c.telegram.sent(CUSTOMER).map((m) => m.text);
    expect(toCustomer.length).toBe(3);
    expect(JSON.stringify(toCustomer)).not.toContain(SECRET);
    const prompts = c.llm.requests.flatMap((r) =>
      r.chat ? [JSON.stringify(r.chat.messages)] : [],
    );
    expect(prompts.length).toBeGreaterThan(0);
    for (const prompt of prompts) {
      expect(prompt).toContain("Hello, can I book a cleaning?");
      expect(prompt).not.toContain(SECRET);
    }

    const edited = await staff.conversations.addNote({ conversationId, content: "no mention" });
    await staff.conversations.updateNote({
      conversationId,
      messageId: edited.message.messageId,
      content: "now @Boris Ivanov",
    });
    await waitUntil(() => c.telegram.sent(BORIS_ALERTS).length === 2);
    await staff.conversations.updateNote({
      conversationId,
      messageId: edited.message.messageId,
      content: "now @Boris Ivanov, edited again",
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // An edit tells only colleagues it mentions for the first time.
    expect(c.telegram.sent(BORIS_ALERTS)).toHaveLength(2);
  });
});
