import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  bindInstagram,
  bindWhatsApp,
  conversationWith,
  expectAcknowledged,
  igItem,
  instagramBody,
  messagesOf,
  postInstagram,
  postWhatsApp,
  startChannels,
  storedBytes,
  whatsappBody,
  type Channels,
} from "./helpers/channels-kit";
import { mediaFixture, whatsappChange, whatsappTextItem } from "./helpers/webhook-kit";

// A reply staff type in the WhatsApp Business app or the Instagram app carries its photo, document or
// audio like a customer's message does: stored with the staff message "from the app", downloaded by the
// media job (retried, type and size checked), shown in the console — and never read by the agent.
// Payload shapes: WhatsApp `smb_message_echoes`, whose `message_echoes[]` carry "<MESSAGE_TYPE>":
// {<MESSAGE_CONTENTS>} as in the messages webhook (an image without caption has no `caption`)
// (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes);
// Instagram echoes come in the `messages` field with `is_echo: true`, the sender being the business, and
// `attachments[].payload.url` as for customers' messages
// (https://developers.facebook.com/docs/instagram-platform/webhooks/examples; the Messenger Platform's
// webhook events reference: "For Instagram Messaging conversations, the message echo notifications are
// included with the message webhook field subscription").

const PHOTO = mediaFixture("rash-photo.jpg");
const PDF = mediaFixture("test-results.pdf");
const VOICE = mediaFixture("voice-note.ogg");

const WA = "106540352240931";
const IG = "17841400000000931";
const AGENT = "app_echo_media_clinic";
let c: Channels;

beforeAll(async () => {
  // A vision model and a transcription model: an echo's files must still never reach the agent.
  c = await startChannels({
    env: { OPENAI_VISION: "true" },
    transcriptionModel: "gpt-4o-mini-transcribe",
    workers: { maxAttempts: 3, backoff: { baseMs: 30, maxMs: 60 } },
  });
  await bindWhatsApp(c, { phoneNumberId: WA, agentId: AGENT });
  await bindInstagram(c, { accountId: IG, agentId: AGENT });
});
afterAll(() => c.close());
beforeEach(() => c.llm.reset());

const nowSeconds = () => String(Math.floor(Date.now() / 1000));
const modelCalls = () => c.llm.requests.filter((r) => r.endpoint !== "embeddings");

/** An `smb_message_echoes` change: messages the business sent from the WhatsApp Business app. */
const smbEchoes = (echoes: Record<string, unknown>[]) =>
  whatsappChange(WA, { message_echoes: echoes }, "smb_message_echoes");

async function whatsappConversation(waId: string, id: string) {
  await postWhatsApp(
    c,
    whatsappBody(WA, waId, [whatsappTextItem(id, "Hello", waId, nowSeconds())]),
  );
  await c.workers.settled();
  const conversation = await conversationWith(c, AGENT, "whatsapp", waId);
  c.llm.reset();
  return conversation;
}

/** The staff messages from the app, as the console's transcript shows them. */
async function appMessages(conversationId: string) {
  const page = await c.admin.conversations.messages({ conversationId });
  return page.items.filter((m) => m.metadata.authorKind === "platform_app");
}

describe("WhatsApp Business app replies with media (smb_message_echoes)", () => {
  it("a photo with a caption is stored with the staff message, once, and the agent never sees it", async () => {
    const conversation = await whatsappConversation("16505550931", "wamid.em.in1");
    const mediaId = c.graph.addWhatsAppMedia(WA, PHOTO, "image/jpeg");
    const body = smbEchoes([
      {
        from: "15550783881",
        to: "16505550931",
        id: "wamid.em.app1",
        timestamp: nowSeconds(),
        type: "image",
        image: { id: mediaId, mime_type: "image/jpeg", sha256: "x", caption: "Your X-ray" },
      },
    ]);
    expectAcknowledged(await postWhatsApp(c, body));
    await postWhatsApp(c, body); // re-delivered: stored once
    await c.workers.settled();

    const [message, ...others] = await appMessages(conversation.conversationId);
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({ role: "admin", kind: "photo", content: "Your X-ray" });
    expect(message?.attachments).toEqual([
      expect.objectContaining({ kind: "image", mimeType: "image/jpeg", status: "stored" }),
    ]);
    // A JPEG (kept without its location data, as a customer's photo is).
    expect((await storedBytes(c, message?.attachments?.[0]?.fileId)).subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    expect(modelCalls()).toHaveLength(0);
    const after = await c.deps.repos.conversations.get(conversation.conversationId);
    expect(after?.status).toBe("HUMAN_ACTIVE");
    // The console got the message with its file pending, then the stored file.
    const updated = c.adminEvents.filter(
      (e) =>
        e.type === "message.updated" &&
        (e.payload as { message: { messageId: string } }).message.messageId === message?.messageId,
    );
    expect(updated.length).toBeGreaterThan(0);
  });

  it("a document keeps its name and an audio is kept untranscribed", async () => {
    const conversation = await whatsappConversation("16505550932", "wamid.em.in2");
    const pdf = c.graph.addWhatsAppMedia(WA, PDF, "application/pdf");
    const voice = c.graph.addWhatsAppMedia(WA, VOICE, "audio/ogg");
    await postWhatsApp(
      c,
      smbEchoes([
        {
          from: "15550783881",
          to: "16505550932",
          id: "wamid.em.app2",
          timestamp: nowSeconds(),
          type: "document",
          document: { id: pdf, mime_type: "application/pdf", filename: "price-list.pdf" },
        },
        {
          from: "15550783881",
          to: "16505550932",
          id: "wamid.em.app3",
          timestamp: nowSeconds(),
          type: "audio",
          audio: { id: voice, mime_type: "audio/ogg; codecs=opus", voice: true },
        },
      ]),
    );
    await c.workers.settled();
    const messages = await appMessages(conversation.conversationId);
    expect(messages.map((m) => [m.kind, m.attachments?.map((a) => [a.kind, a.status])])).toEqual([
      ["file", [["document", "stored"]]],
      ["voice", [["voice", "stored"]]],
    ]);
    expect(messages[0]?.attachments?.[0]?.name).toBe("price-list.pdf");
    expect((await storedBytes(c, messages[0]?.attachments?.[0]?.fileId)).equals(PDF)).toBe(true);
    expect(messages[1]?.metadata.transcript).toBeUndefined();
    expect(modelCalls()).toHaveLength(0);
  });

  it("a download that keeps failing is retried, then left unsupported with the reason, the message kept", async () => {
    const conversation = await whatsappConversation("16505550933", "wamid.em.in3");
    const mediaId = c.graph.addWhatsAppMedia(WA, PHOTO, "image/jpeg");
    c.graph.failNext("whatsapp.media", { status: 500 }, 3);
    await postWhatsApp(
      c,
      smbEchoes([
        {
          from: "15550783881",
          to: "16505550933",
          id: "wamid.em.app4",
          timestamp: nowSeconds(),
          type: "image",
          image: { id: mediaId, mime_type: "image/jpeg", sha256: "x" },
        },
      ]),
    );
    await c.workers.settled();
    const [message] = await appMessages(conversation.conversationId);
    expect(message?.content).toBe("");
    expect(message?.attachments).toEqual([
      expect.objectContaining({
        status: "unsupported",
        reason: expect.stringMatching(/^The download failed/) as unknown,
      }),
    ]);
    const stored = await messagesOf(c.deps, conversation.conversationId);
    expect(stored.filter((m) => m.role === "agent")).toHaveLength(1); // the reply to "Hello" only
  });
});

describe("Instagram app replies with media (is_echo)", () => {
  it("a photo is fetched from Meta's CDN and stored with the staff message", async () => {
    const customer = "8000000000000931";
    await postInstagram(
      c,
      instagramBody(IG, [igItem(IG, customer, { message: { mid: "ig.em.in1", text: "Hi" } })]),
    );
    await c.workers.settled();
    const conversation = await conversationWith(c, AGENT, "instagram", customer);
    c.llm.reset();
    const url = c.graph.addInstagramCdnFile(PHOTO, { mimeType: "image/jpeg" });
    await postInstagram(
      c,
      instagramBody(IG, [
        igItem(customer, IG, {
          message: {
            mid: "ig.em.app1",
            is_echo: true,
            attachments: [{ type: "image", payload: { url } }],
          },
        }),
      ]),
    );
    await c.workers.settled();
    const [message] = await appMessages(conversation.conversationId);
    expect(message).toMatchObject({ role: "admin", kind: "photo" });
    expect(message?.attachments).toEqual([
      expect.objectContaining({ kind: "image", status: "stored" }),
    ]);
    // A JPEG (kept without its location data, as a customer's photo is).
    expect((await storedBytes(c, message?.attachments?.[0]?.fileId)).subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    expect(modelCalls()).toHaveLength(0);
  });
});
