import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { newWebToken } from "../src/domain/conversations/web-token";
import { createAgent, operator } from "./helpers/chat-kit";
import {
  bindInstagram,
  bindTelegram,
  bindWhatsApp,
  conversationOf,
  customerWords,
  echo,
  echoResponder,
  igItem,
  instagramBody,
  postInstagram,
  postTelegram,
  postWhatsApp,
  startChannels,
  telegramText,
  whatsappBody,
  type Channels,
} from "./helpers/channels-kit";
import { whatsappTextItem } from "./helpers/webhook-kit";
import { createTestDeps } from "./helpers/test-api";

const IG_ACCOUNT = "17841400000077001";
const WA_NUMBER = "106540352242977";
let c: Channels;
let bot: Awaited<ReturnType<typeof bindTelegram>>;
let otherBot: Awaited<ReturnType<typeof bindTelegram>>;

beforeAll(async () => {
  c = await startChannels();
  bot = await bindTelegram(c, { agentId: "contacts_tg" });
  otherBot = await bindTelegram(c, { agentId: "contacts_tg_2" });
  await bindInstagram(c, { accountId: IG_ACCOUNT, agentId: "contacts_ig" });
  await bindWhatsApp(c, { phoneNumberId: WA_NUMBER, agentId: "contacts_wa" });
});
afterAll(() => c.close());

async function settled() {
  await c.workers.settled();
  await c.deps.work.drain();
}

async function contactOf(
  agentId: string,
  channel: "telegram" | "instagram" | "whatsapp",
  user: string,
) {
  const [conversation] = await conversationOf(c.deps, agentId, channel, user);
  expect(conversation?.contactId).toBeTruthy();
  const contact = await c.deps.repos.contacts.get(conversation!.contactId!);
  expect(contact).not.toBeNull();
  return { conversation: conversation!, contact: contact! };
}

/** The model answers with the name the customer gave, in the same structured answer as the reply. */
const namingResponder = (name: string) => (request: { lastUserMessage: string }) => ({
  json: {
    reply: echo(customerWords(request.lastUserMessage)),
    escalation: {
      needed: false,
      type: "none",
      reason: "",
      confidence: 0.9,
      summary: "",
      handoff_reply: "",
    },
    sources_used: [],
    customer_name: name,
  },
});

describe("contacts from channels", () => {
  it("Telegram: the first message creates the contact with the sender's profile; shared phones and e-mails are added", async () => {
    const chat = 5400007001;
    await postTelegram(c, bot, telegramText(870000001, chat, "Hello"));
    await settled();
    const { contact } = await contactOf("contacts_tg", "telegram", String(chat));
    expect(contact).toMatchObject({
      name: "Anna",
      nameSource: "profile",
      identities: [
        {
          channel: "telegram",
          externalUserId: String(chat),
          agentId: "contacts_tg",
          username: "anna_k",
        },
      ],
    });

    await postTelegram(
      c,
      bot,
      telegramText(870000010, chat, "My number is +7 916 123-45-67, mail Anna.K@Example.com"),
    );
    await settled();
    expect(await c.deps.repos.contacts.get(contact.contactId)).toMatchObject({
      phones: ["+79161234567"],
      emails: ["anna.k@example.com"],
    });
    expect(
      (await c.deps.repos.contacts.keysByPhone("+79161234567")).map((x) => x.contactId),
    ).toEqual([contact.contactId]);

    // The same person writing another bot of the business is the same contact.
    await postTelegram(c, otherBot, telegramText(870000020, chat, "Hi again"));
    await settled();
    const second = await contactOf("contacts_tg_2", "telegram", String(chat));
    expect(second.contact.contactId).toBe(contact.contactId);
    expect(second.contact.identities.map((i) => i.agentId)).toEqual([
      "contacts_tg",
      "contacts_tg_2",
    ]);
    const timeline = await c.deps.repos.contacts.timeline(contact.contactId);
    expect(timeline.items.map((e) => e.agentId).sort()).toEqual(["contacts_tg", "contacts_tg_2"]);
  });

  it("Telegram: a burst of first messages of one person gives one contact", async () => {
    const chat = 5400007002;
    await Promise.all(
      [0, 1, 2].map((i) => postTelegram(c, bot, telegramText(870000100 + i * 2, chat, `Hi ${i}`))),
    );
    await settled();
    const { contact } = await contactOf("contacts_tg", "telegram", String(chat));
    expect(
      await c.deps.repos.contacts.findByIdentity("telegram", "contacts_tg", String(chat)),
    ).toMatchObject({
      contactId: contact.contactId,
    });
  });

  it("WhatsApp: the wa_id is the contact's phone and the profile name its name", async () => {
    const waId = "15551230077";
    await postWhatsApp(
      c,
      whatsappBody(
        WA_NUMBER,
        waId,
        [whatsappTextItem("wamid.contacts.1", "Hello", waId)],
        "Sheena Nelson",
      ),
    );
    await settled();
    const { contact } = await contactOf("contacts_wa", "whatsapp", waId);
    expect(contact).toMatchObject({
      name: "Sheena Nelson",
      nameSource: "profile",
      phones: ["+15551230077"],
      identities: [{ channel: "whatsapp", externalUserId: waId, agentId: "contacts_wa" }],
    });
  });

  it("Instagram: the fetched profile names the contact, and the name the customer gives wins over it", async () => {
    const sender = "9100000000077001";
    c.graph.addInstagramUser({
      igsid: sender,
      name: "Maria Lopez",
      username: "maria.smiles",
      profilePic: "https://scontent.cdninstagram.com/v/maria.jpg",
    });
    await postInstagram(
      c,
      instagramBody(IG_ACCOUNT, [
        igItem(IG_ACCOUNT, sender, { message: { mid: "mid.c.1", text: "Hi!" } }),
      ]),
    );
    await settled();
    const { contact } = await contactOf("contacts_ig", "instagram", sender);
    expect(contact).toMatchObject({
      name: "Maria Lopez",
      nameSource: "profile",
      identities: [
        {
          channel: "instagram",
          externalUserId: sender,
          username: "maria.smiles",
          profile: { profilePic: "https://scontent.cdninstagram.com/v/maria.jpg" },
        },
      ],
    });

    c.llm.setResponder(namingResponder("Marta"));
    try {
      await postInstagram(
        c,
        instagramBody(IG_ACCOUNT, [
          igItem(IG_ACCOUNT, sender, { message: { mid: "mid.c.2", text: "I'm Marta, actually" } }),
        ]),
      );
      await settled();
    } finally {
      c.llm.setResponder(echoResponder);
    }
    expect(await c.deps.repos.contacts.get(contact.contactId)).toMatchObject({
      name: "Marta",
      nameSource: "customer",
    });
  });
});

describe("contacts from the web chat", () => {
  let deps: ApiDeps;
  const visitor = () => callerAs(deps, { kind: "anonymous" });
  beforeAll(async () => {
    deps = await createTestDeps();
    await createAgent(deps, "contacts_web");
  });
  afterAll(async () => {
    await closeConversationRuntime(deps);
    await deps.db.close();
  });

  it("a new visitor gets a contact; the name and e-mail they give fill it (offline, by rules)", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "contacts_web" });
    const conversation = await deps.repos.conversations.get(conversationId);
    expect(conversation?.contactId).toBeTruthy();
    const contact = await deps.repos.contacts.get(conversation!.contactId!);
    expect(contact).toMatchObject({
      name: null,
      identities: [
        {
          channel: "web_chat",
          externalUserId: conversation!.webTokenHash,
          agentId: "contacts_web",
        },
      ],
    });
    expect(JSON.stringify(contact)).not.toContain(token);

    await visitor().chat.send({
      conversationId,
      token,
      content: "Здравствуйте, меня зовут Мария. Моя почта Maria@Example.com",
    });
    await deps.work.drain();
    expect(await deps.repos.contacts.get(contact!.contactId)).toMatchObject({
      name: "Мария",
      nameSource: "customer",
      emails: ["maria@example.com"],
    });

    // Another visitor is another contact.
    const other = await visitor().chat.start({ agentId: "contacts_web" });
    const otherConversation = await deps.repos.conversations.get(other.conversationId);
    expect(otherConversation?.contactId).not.toBe(contact!.contactId);
  });

  it("while a human handles the chat, what the customer shares still reaches the contact", async () => {
    const { conversationId, token } = await visitor().chat.start({ agentId: "contacts_web" });
    await callerAs(deps, operator).conversations.handoff({ conversationId });
    await visitor().chat.send({ conversationId, token, content: "I am Omar, +971 50 123 4567" });
    await deps.work.drain();
    const conversation = await deps.repos.conversations.get(conversationId);
    expect(await deps.repos.contacts.get(conversation!.contactId!)).toMatchObject({
      name: "Omar",
      phones: ["+971501234567"],
    });
  });

  it("a chat started before contacts existed gets its contact on its next message", async () => {
    const { token, hash } = newWebToken();
    const legacy = await deps.repos.conversations.create({
      agentId: "contacts_web",
      channel: "web_chat",
      webTokenHash: hash,
    });
    expect(legacy.contactId).toBeUndefined();
    await visitor().chat.send({ conversationId: legacy.conversationId, token, content: "Hello" });
    const linked = await deps.repos.conversations.get(legacy.conversationId);
    expect(linked?.contactId).toBeTruthy();
    expect(
      await deps.repos.contacts.findByIdentity("web_chat", "contacts_web", hash),
    ).toMatchObject({
      contactId: linked!.contactId,
    });
  });
});
