import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf, png } from "@agents-crm/files/testing";
import {
  bindEveryChannel,
  customerWrites,
  messagesOf,
  startChannels,
  type Channels,
  type ClinicChannels,
} from "./helpers/channels-kit";

// Staff send files on every channel, through the real server, workers and the fake platforms: the bytes
// that arrive at the platform are the bytes staff uploaded.

const ADMIN_TOKEN = "media-out-admin-token-0123456789abcdef";
const APP_URL = "https://crm.example.test";
const IG = "17841400000000777";
const WA = "106540352240777";
const AGENT = "media_out_clinic";
const DAY = 24 * 3600_000;
let c: Channels;
let clinic: ClinicChannels;

beforeAll(async () => {
  c = await startChannels({ env: { ADMIN_TOKEN, APP_URL } });
  c.graph.resolveOrigin(APP_URL, c.t.url);
  clinic = await bindEveryChannel(c, { agentId: AGENT, instagram: IG, whatsapp: WA });
});
afterAll(() => c.close());

/** Staff upload through the API, as the console does (`POST /files`, the file's type and name in headers). */
async function upload(conversationId: string, bytes: Buffer, name: string, type: string) {
  const res = await fetch(`${c.t.url}/files`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      "content-type": type,
      "x-file-name": encodeURIComponent(name),
      "x-conversation-id": conversationId,
    },
    body: new Uint8Array(bytes),
  });
  const body = (await res.json()) as { file?: { fileId: string } };
  if (res.status !== 201 || !body.file)
    throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
  return body.file.fileId;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("not refused");
}

const image = png(64, 48);
const document = pdf();

const telegramConversation = (chatId: number) =>
  customerWrites(c, clinic, "telegram", String(chatId), "Пришлите прайс");

const whatsappConversation = (waId: string, ageMs = 0) =>
  customerWrites(c, clinic, "whatsapp", waId, "Hello", { ageMs });

const instagramConversation = (sender: string, ageMs = 0) =>
  customerWrites(c, clinic, "instagram", sender, "Hi", { ageMs });

describe("Telegram", () => {
  it("a photo with its caption and a PDF arrive byte for byte; each attachment shows sent", async () => {
    const conversation = await telegramConversation(5101);
    const photoId = await upload(conversation.conversationId, image, "снимок.png", "image/png");
    const pdfId = await upload(
      conversation.conversationId,
      document,
      "Прайс.pdf",
      "application/pdf",
    );
    const { message } = await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "Вот снимок и прайс",
      fileIds: [photoId, pdfId],
    });
    expect(message.fileIds).toEqual([photoId, pdfId]);
    await c.workers.settled();

    const [photo, file] = c.telegram.media(5101);
    expect(photo).toMatchObject({
      method: "sendPhoto",
      caption: "Вот снимок и прайс",
      mimeType: "image/png",
    });
    expect(Buffer.compare(photo?.bytes ?? Buffer.alloc(0), image)).toBe(0);
    expect(file).toMatchObject({ method: "sendDocument", fileName: "Прайс.pdf" });
    expect(Buffer.compare(file?.bytes ?? Buffer.alloc(0), document)).toBe(0);
    // The caption went with the photo, not as a text message of its own.
    expect(c.telegram.sent(5101).map((m) => m.text)).not.toContain("Вот снимок и прайс");

    const stored = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.messageId === message.messageId,
    );
    expect(stored?.deliveryStatus).toBe("sent");
    expect(stored?.attachmentDelivery?.[photoId]?.status).toBe("sent");
    expect(stored?.attachmentDelivery?.[pdfId]?.status).toBe("sent");
    const updates = c.adminEvents.filter(
      (e) =>
        e.type === "message.updated" &&
        (e.payload as { message: { messageId: string } }).message.messageId === message.messageId,
    );
    expect(updates.length).toBeGreaterThan(0);
  });

  it("a file Telegram refuses fails on its own with Telegram's reason; the other still goes", async () => {
    const conversation = await telegramConversation(5102);
    const a = await upload(conversation.conversationId, image, "a.png", "image/png");
    const b = await upload(conversation.conversationId, document, "b.pdf", "application/pdf");
    c.telegram.failNext("sendPhoto", {
      error_code: 400,
      description: "Bad Request: PHOTO_INVALID_DIMENSIONS",
    });
    const { message } = await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "",
      fileIds: [a, b],
    });
    await c.workers.settled();
    const stored = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.messageId === message.messageId,
    );
    expect(stored?.attachmentDelivery?.[a]?.status).toBe("failed");
    expect(stored?.attachmentDelivery?.[a]?.error).toMatch(/PHOTO_INVALID_DIMENSIONS/);
    expect(stored?.attachmentDelivery?.[b]?.status).toBe("sent");
    expect(stored?.deliveryStatus).toBe("failed");
    expect(stored?.deliveryError).toMatch(/1 of 2 files not sent/);
    expect(c.telegram.media(5102).map((m) => m.fileName)).toEqual(["b.pdf"]);
  });

  it("a 5xx is retried like text; the file goes once", async () => {
    const conversation = await telegramConversation(5103);
    const a = await upload(conversation.conversationId, document, "c.pdf", "application/pdf");
    c.telegram.failNext("sendDocument", { error_code: 502, description: "Bad Gateway" });
    await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "",
      fileIds: [a],
    });
    await c.workers.settled();
    expect(c.telegram.media(5103)).toHaveLength(1);
  });
});

describe("WhatsApp", () => {
  it("uploads the file, then sends it by media id with the caption", async () => {
    const conversation = await whatsappConversation("971500000777");
    const fileId = await upload(
      conversation.conversationId,
      document,
      "prices.pdf",
      "application/pdf",
    );
    await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "Our prices",
      fileIds: [fileId],
    });
    await c.workers.settled();
    expect(c.graph.count("whatsapp.upload")).toBeGreaterThan(0);
    const [sent] = c.graph.sent({ to: "971500000777" }).filter((m) => m.attachment);
    expect(sent?.attachment).toMatchObject({
      type: "document",
      caption: "Our prices",
      filename: "prices.pdf",
    });
    expect(Buffer.compare(sent?.attachment?.bytes ?? Buffer.alloc(0), document)).toBe(0);
  });

  it("refuses outside the 24-hour window before storing anything", async () => {
    const conversation = await whatsappConversation("971500000778", 2 * DAY);
    const fileId = await upload(conversation.conversationId, image, "late.png", "image/png");
    const error = await refusal(
      c.admin.conversations.reply({
        conversationId: conversation.conversationId,
        content: "",
        fileIds: [fileId],
      }),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/24 hours/);
  });
});

describe("Instagram", () => {
  it("Instagram fetches the signed link from our server and gets the bytes; the caption goes first as text", async () => {
    const conversation = await instagramConversation("igsid-777");
    const fileId = await upload(conversation.conversationId, image, "map.png", "image/png");
    await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "How to find us",
      fileIds: [fileId],
    });
    await c.workers.settled();
    const sent = c.graph.sent({ to: "igsid-777" }).filter((m) => m.text !== "Echo: Hi");
    expect(sent.map((m) => m.text)).toEqual(["How to find us", ""]);
    const media = sent[1]?.attachment;
    expect(media?.url).toMatch(new RegExp(`^${APP_URL}/files/${fileId}\\?`));
    expect(Buffer.compare(media?.bytes ?? Buffer.alloc(0), image)).toBe(0);
    // The signed link is the only way in without a session.
    const bare = await fetch(`${c.t.url}/files/${fileId}`);
    expect([401, 404]).toContain(bare.status);
  });

  it("an image type Instagram does not take is refused with what it takes, before anything is sent", async () => {
    const conversation = await instagramConversation("igsid-778");
    // A WebP image is refused by type (Instagram takes png, jpeg, gif).
    const webp = Buffer.concat([Buffer.from("RIFF\x24\0\0\0WEBPVP8 ", "latin1"), Buffer.alloc(64)]);
    const fileId = await upload(conversation.conversationId, webp, "a.webp", "image/webp");
    const error = await refusal(
      c.admin.conversations.reply({
        conversationId: conversation.conversationId,
        content: "",
        fileIds: [fileId],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/Instagram does not accept "a.webp" \(image\/webp\)/);
    expect(c.graph.sent({ to: "igsid-778" }).filter((m) => m.attachment)).toHaveLength(0);
  });
});

describe("refusals", () => {
  it("a file of another conversation, an unknown id, or too many files are refused with a 4xx", async () => {
    const a = await telegramConversation(5201);
    const b = await telegramConversation(5202);
    const foreign = await upload(b.conversationId, image, "b.png", "image/png");
    const error = await refusal(
      c.admin.conversations.reply({
        conversationId: a.conversationId,
        content: "",
        fileIds: [foreign],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/no such file/);
    const none = await refusal(
      c.admin.conversations.reply({
        conversationId: a.conversationId,
        content: "",
        fileIds: ["f_0000000000NOPE"],
      }),
    );
    expect(none.code).toBe("BAD_REQUEST");
    const empty = await refusal(
      c.admin.conversations.reply({ conversationId: a.conversationId, content: "" }),
    );
    expect(empty.code).toBe("BAD_REQUEST");
  });
});
