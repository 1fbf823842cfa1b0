import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bindEveryChannel,
  customerWrites,
  echo,
  messagesOf,
  startChannels,
  type Channels,
  type ClinicChannels,
} from "./helpers/channels-kit";

const IG = "17841400000000301";
const WA = "106540352240301";
const AGENT = "windows_clinic";
const HOUR = 3600_000;
let c: Channels;
let clinic: ClinicChannels;

beforeAll(async () => {
  c = await startChannels();
  clinic = await bindEveryChannel(c, { agentId: AGENT, instagram: IG, whatsapp: WA });
});
afterAll(() => c.close());

/** A customer message written `ageMs` ago (the platform's own timestamp), processed. */
const instagramFrom = (sender: string, mid: string, ageMs: number) =>
  customerWrites(c, clinic, "instagram", sender, `Question ${mid}`, { id: mid, ageMs });

const whatsappFrom = (waId: string, id: string, ageMs: number) =>
  customerWrites(c, clinic, "whatsapp", waId, `Question ${id}`, { id, ageMs });

const reply = (conversationId: string, content: string) =>
  c.admin.conversations.reply({ conversationId, content });

/** The error a staff reply is refused with. */
async function refusal(conversationId: string, content: string) {
  try {
    await reply(conversationId, content);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("the reply was not refused");
}

async function delivered(conversationId: string, content: string) {
  await c.workers.settled();
  const message = (await messagesOf(c.deps, conversationId)).find((m) => m.content === content);
  return message;
}

describe("Instagram messaging windows", () => {
  it("a bot reply 25 hours after the customer's message is not sent; the message says why", async () => {
    const conversation = await instagramFrom("9300000000000001", "mid.win.25h", 25 * HOUR);
    const agentReply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(agentReply).toMatchObject({ deliveryStatus: "failed" });
    expect(agentReply?.deliveryError).toMatch(/within 24 hours of the customer's last message/);
    expect(agentReply?.deliveryError).toMatch(/25 hours ago/);
    // The console words the reason in its own language.
    expect(agentReply?.deliveryFailure).toEqual({
      kind: "messaging_window",
      window: "instagram_24h_automated",
    });
    expect(c.graph.sent({ to: "9300000000000001" })).toHaveLength(0);
    const updated = c.adminEvents.find(
      (e) =>
        e.type === "message.updated" &&
        (e.payload as { message: { messageId: string } }).message.messageId ===
          agentReply?.messageId,
    );
    expect(updated?.payload).toMatchObject({ message: { deliveryStatus: "failed" } });
    const health = await c.admin.bindings.health({ agentId: AGENT });
    const instagram = health.items.find((b) => b.channelType === "instagram");
    expect(instagram?.lastError).toMatch(/24 hours/);
    // The console says it in its own language from the reason, not from the English sentence.
    expect(instagram?.lastErrorReason).toEqual({
      kind: "messaging_window",
      window: "instagram_24h_automated",
    });

    // A person may still answer, tagged HUMAN_AGENT, within 7 days.
    const out = await reply(conversation.conversationId, "Sorry for the wait — yes, we can.");
    expect(out.message.deliveryStatus).toBe("pending");
    const staff = await delivered(conversation.conversationId, "Sorry for the wait — yes, we can.");
    expect(staff?.deliveryStatus).toBe("sent");
    expect(c.graph.sent({ to: "9300000000000001" })).toEqual([
      expect.objectContaining({
        text: "Sorry for the wait — yes, we can.",
        messagingType: "MESSAGE_TAG",
        tag: "HUMAN_AGENT",
      }),
    ]);
  });

  it("a staff reply more than 7 days after the customer's message is refused up front", async () => {
    const conversation = await instagramFrom("9300000000000002", "mid.win.8d", 8 * 24 * HOUR);
    const refused = await refusal(conversation.conversationId, "Hello again");
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/within 7 days of the customer's last message.*8 days ago/);
    const messages = await messagesOf(c.deps, conversation.conversationId);
    expect(messages.some((m) => m.role === "admin")).toBe(false);
  });

  it("inside 24 hours both the bot and staff reply without a tag", async () => {
    const sender = "9300000000000003";
    const conversation = await instagramFrom(sender, "mid.win.1h", HOUR);
    await reply(conversation.conversationId, "Our nurse will call you.");
    await delivered(conversation.conversationId, "Our nurse will call you.");
    const sent = c.graph.sent({ to: sender });
    expect(sent.map((m) => [m.text, m.messagingType])).toEqual([
      [echo("Question mid.win.1h"), undefined],
      ["Our nurse will call you.", undefined],
    ]);
  });
});

describe("WhatsApp customer service window", () => {
  it("free-form replies only within 24 hours: the bot's is marked failed, staff is refused", async () => {
    const conversation = await whatsappFrom("971500000001", "wamid.win.30h", 30 * HOUR);
    const agentReply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(agentReply?.deliveryStatus).toBe("failed");
    expect(agentReply?.deliveryError).toMatch(
      /WhatsApp allows free-form messages only within 24 hours/,
    );
    const refused = await refusal(conversation.conversationId, "Hi");
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/WhatsApp.*24 hours.*30 hours ago/);
    expect(c.graph.sent({ to: "971500000001" })).toHaveLength(0);
  });

  it("inside the window the bot and staff messages go out through the Cloud API", async () => {
    const conversation = await whatsappFrom("971500000002", "wamid.win.2h", 2 * HOUR);
    await reply(conversation.conversationId, "See you at 5pm.");
    const staff = await delivered(conversation.conversationId, "See you at 5pm.");
    expect(staff?.deliveryStatus).toBe("sent");
    const sent = c.graph.sent({ to: "971500000002", api: "whatsapp" });
    expect(sent.map((m) => [m.accountId, m.text])).toEqual([
      [WA, echo("Question wamid.win.2h")],
      [WA, "See you at 5pm."],
    ]);
    expect(staff?.externalMessageId).toBe(sent[1]?.messageId);
    expect(staff?.externalMessageId).toMatch(/^wamid\./);
  });
});

describe("Telegram", () => {
  it("has no window: a staff reply to a week-old chat goes out with sendMessage", async () => {
    const chat = 5300000001;
    const conversation = await customerWrites(
      c,
      clinic,
      "telegram",
      String(chat),
      "Anyone there?",
      {
        id: "830000001",
        ageMs: 8 * 24 * HOUR,
      },
    );
    await reply(conversation.conversationId, "Yes! Sorry for the delay.");
    const staff = await delivered(conversation.conversationId, "Yes! Sorry for the delay.");
    expect(staff?.deliveryStatus).toBe("sent");
    expect(c.telegram.sent(chat).map((m) => m.text)).toEqual([
      echo("Anyone there?"),
      "Yes! Sorry for the delay.",
    ]);
  });
});
