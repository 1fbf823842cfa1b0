import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bindInstagram,
  bindWhatsApp,
  conversationWith,
  echo,
  igItem,
  instagramBody,
  messagesOf,
  postInstagram,
  postWhatsApp,
  startChannels,
  whatsappBody,
  type Channels,
} from "./helpers/channels-kit";
import { metaJson, whatsappChange, whatsappTextItem } from "./helpers/webhook-kit";

const WA = "106540352240888";
const IG = "17841400000000888";
const AGENT = "receipts_clinic";
let c: Channels;

beforeAll(async () => {
  c = await startChannels();
  await bindWhatsApp(c, { phoneNumberId: WA, agentId: AGENT });
  await bindInstagram(c, { accountId: IG, agentId: AGENT });
});
afterAll(() => c.close());

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/** A `messages` change of statuses about our messages (Meta's status webhook shape). */
function statuses(items: Record<string, unknown>[]) {
  // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
  return whatsappChange(WA, { statuses: items });
}

async function whatsappConversation(waId: string, id: string, text: string) {
  await postWhatsApp(c, whatsappBody(WA, waId, [whatsappTextItem(id, text, waId, nowSeconds())]));
  await c.workers.settled();
  return conversationWith(c, AGENT, "whatsapp", waId);
}

describe("WhatsApp delivery reports", () => {
  it("delivered then read move the agent's reply forward; a late delivered does not move it back", async () => {
    const conversation = await whatsappConversation("16505550101", "wamid.rc.in1", "Hello");
    const [sent] = c.graph.sent({ to: "16505550101" });
    expect(sent?.text).toBe(echo("Hello"));
    const status = (s: string, ts: number) => ({
      id: sent?.messageId,
      status: s,
      timestamp: String(ts),
      recipient_id: "16505550101",
    });
    const t0 = Math.floor(Date.now() / 1000);
    await postWhatsApp(c, statuses([status("delivered", t0), status("read", t0 + 5)]));
    await c.workers.settled();
    await postWhatsApp(c, statuses([status("delivered", t0 + 9)]));
    await c.workers.settled();
    const reply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(reply).toMatchObject({
      deliveryStatus: "read",
      deliveryStatusAt: new Date((t0 + 5) * 1000).toISOString(),
    });
    const seen = c.adminEvents.filter(
      (e) =>
        e.type === "message.updated" &&
        (e.payload as { message: { messageId: string } }).message.messageId === reply?.messageId,
    );
    expect(
      seen.map(
        (e) => (e.payload as { message: { deliveryStatus: string } }).message.deliveryStatus,
      ),
    ).toEqual(expect.arrayContaining(["delivered", "read"]));
  });

  it("a failure (131026, undeliverable) shows on the staff reply with Meta's code and words", async () => {
    const conversation = await whatsappConversation("16505550102", "wamid.rc.in2", "Hi");
    await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "We can see you at 10",
    });
    await c.workers.settled();
    const staffSend = c.graph
      .sent({ to: "16505550102" })
      .find((s) => s.text === "We can see you at 10");
    await postWhatsApp(
      c,
      statuses([
        {
          id: staffSend?.messageId,
          status: "failed",
          timestamp: nowSeconds(),
          recipient_id: "16505550102",
          errors: [
            {
              code: 131026,
              title: "Message undeliverable",
              message: "Message undeliverable",
              error_data: { details: "Message Undeliverable." },
            },
          ],
        },
      ]),
    );
    await c.workers.settled();
    const staff = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.content === "We can see you at 10",
    );
    expect(staff).toMatchObject({
      deliveryStatus: "failed",
      deliveryError: "Message Undeliverable.",
      deliveryReason: { code: "131026", message: "Message Undeliverable." },
    });
    // The console's transcript carries it.
    const transcript = await c.admin.conversations.messages({
      conversationId: conversation.conversationId,
    });
    expect(transcript.items.find((m) => m.messageId === staff?.messageId)).toMatchObject({
      deliveryStatus: "failed",
      deliveryReason: { code: "131026" },
    });
  });

  it("a report for an account nobody bound here is not stored", async () => {
    const body = metaJson({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: "999000999" },
                statuses: [{ id: "wamid.x", status: "read", timestamp: nowSeconds() }],
              },
            },
          ],
        },
      ],
    });
    expect((await postWhatsApp(c, body)).json()).toMatchObject({ stored: 0, skipped: 1 });
  });
});

describe("replies typed in the platforms' own apps", () => {
  it("WhatsApp Business app (smb_message_echoes): a staff message from the app, and the AI stops", async () => {
    const conversation = await whatsappConversation(
      "16505550103",
      "wamid.rc.in3",
      "Can I come now?",
    );
    const repliesBefore = c.graph.sent({ to: "16505550103" }).length;
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes
    const echoBody = whatsappChange(
      WA,
      {
        message_echoes: [
          {
            from: "15550783881",
            to: "16505550103",
            id: "wamid.rc.smb1",
            timestamp: nowSeconds(),
            type: "text",
            text: { body: "Yes, come in — Dr. Lee" },
          },
        ],
      },
      "smb_message_echoes",
    );
    await postWhatsApp(c, echoBody);
    await postWhatsApp(c, echoBody); // re-delivered: stored once
    await c.workers.settled();
    const messages = await messagesOf(c.deps, conversation.conversationId);
    const fromApp = messages.filter((m) => m.content === "Yes, come in — Dr. Lee");
    expect(fromApp).toEqual([
      expect.objectContaining({
        role: "admin",
        deliveryStatus: "sent",
        metadata: expect.objectContaining({ authorKind: "platform_app" }) as unknown,
      }),
    ]);
    const after = await c.deps.repos.conversations.get(conversation.conversationId);
    expect(after?.status).toBe("HUMAN_ACTIVE");

    // The customer answers: the human has it, so the AI does not reply over them.
    await postWhatsApp(
      c,
      whatsappBody(WA, "16505550103", [
        whatsappTextItem("wamid.rc.in4", "Great, on my way", "16505550103", nowSeconds()),
      ]),
    );
    await c.workers.settled();
    expect(c.graph.sent({ to: "16505550103" })).toHaveLength(repliesBefore);
  });

  it("Instagram: the echo of our own send is not stored again; a reply typed in the app is, and takes over", async () => {
    const customer = "8000000000000888";
    await postInstagram(
      c,
      instagramBody(IG, [igItem(IG, customer, { message: { mid: "ig.rc.in1", text: "Price?" } })]),
    );
    await c.workers.settled();
    const conversation = await conversationWith(c, AGENT, "instagram", customer);
    const [ourSend] = c.graph.sent({ to: customer });
    expect(ourSend?.text).toBe(echo("Price?"));
    const before = await messagesOf(c.deps, conversation.conversationId);

    // Meta echoes every message the account sends, ours included
    // (https://developers.facebook.com/docs/instagram-platform/webhooks/examples: is_echo, sender = business).
    const echoOf = (mid: string, text: string) =>
      instagramBody(IG, [
        {
          sender: { id: IG },
          recipient: { id: customer },
          timestamp: Date.now(),
          message: { mid, text, is_echo: true },
        },
      ]);
    await postInstagram(c, echoOf(ourSend?.messageId ?? "", ourSend?.text ?? ""));
    await c.workers.settled();
    expect(await messagesOf(c.deps, conversation.conversationId)).toHaveLength(before.length);
    expect((await c.deps.repos.conversations.get(conversation.conversationId))?.status).toBe(
      "AI_ACTIVE",
    );

    await postInstagram(c, echoOf("ig.rc.app1", "I'll send you the price list in a minute"));
    await c.workers.settled();
    const after = await messagesOf(c.deps, conversation.conversationId);
    expect(after.at(-1)).toMatchObject({
      role: "admin",
      content: "I'll send you the price list in a minute",
      metadata: expect.objectContaining({ authorKind: "platform_app" }) as unknown,
    });
    expect((await c.deps.repos.conversations.get(conversation.conversationId))?.status).toBe(
      "HUMAN_ACTIVE",
    );

    // Instagram's read receipt of our reply (messaging_seen) marks it read.
    await postInstagram(
      c,
      instagramBody(IG, [igItem(IG, customer, { read: { mid: ourSend?.messageId } })]),
    );
    await c.workers.settled();
    const agentReply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(agentReply?.deliveryStatus).toBe("read");
  });
});
