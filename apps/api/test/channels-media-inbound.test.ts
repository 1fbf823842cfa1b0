import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bindEveryChannel,
  consoleTranscript,
  expectAcknowledged,
  igItem,
  instagramBody,
  messagesOf,
  postInstagram,
  postTelegram,
  postWhatsApp,
  startChannels,
  storedBytes,
  telegramMessage,
  whatsappBody,
  type Channels,
  type TelegramBinding,
} from "./helpers/channels-kit";
import { mediaFixture } from "./helpers/webhook-kit";

const PHOTO = mediaFixture("rash-photo.jpg");
const VOICE = mediaFixture("voice-note.ogg");
const PDF = mediaFixture("test-results.pdf");

const ADMIN_TOKEN = "media-inbound-admin-token-0123456789";
const ACCOUNT = "17841400000000701";
const WA = "106540352240701";
const AGENT = "media_clinic";
let c: Channels;
let telegram: TelegramBinding;

beforeAll(async () => {
  c = await startChannels({
    env: { ADMIN_TOKEN },
    workers: { maxAttempts: 3, backoff: { baseMs: 30, maxMs: 60 } },
  });
  // The quiet agent only stores media: these tests are about the files, not the handoff.
  const agent = { escalation: { on_unreadable_message: "ignore" } };
  ({ telegram } = await bindEveryChannel(c, {
    agentId: AGENT,
    instagram: ACCOUNT,
    whatsapp: WA,
    agent,
  }));
});
afterAll(() => c.close());

async function onlyMessage(channel: "instagram" | "telegram" | "whatsapp", user: string) {
  const { row, items } = await consoleTranscript(c, AGENT, channel, user);
  const [message] = await messagesOf(c.deps, row.conversationId);
  if (!message) throw new Error("no message");
  const view = items.find((m) => m.messageId === message.messageId);
  return { row, message, attachments: view?.attachments ?? [] };
}

describe("customers' media reaches staff", () => {
  it("Telegram: a photo with a caption is stored, stripped of its location, and shown to staff", async () => {
    const chatId = 610_001;
    const fileId = c.telegram.addFile(telegram.bot, PHOTO, { path: "photos/file_1.jpg" });
    const res = await postTelegram(
      c,
      telegram,
      telegramMessage(chatId, {
        photo: [{ file_id: fileId, file_unique_id: "u1", width: 96, height: 64 }],
        caption: "This rash appeared yesterday",
      }),
    );
    expectAcknowledged(res);
    await c.workers.settled();
    const { message, attachments } = await onlyMessage("telegram", String(chatId));
    expect(message).toMatchObject({ kind: "photo", content: "This rash appeared yesterday" });
    expect(attachments).toEqual([
      expect.objectContaining({
        kind: "image",
        mimeType: "image/jpeg",
        status: "stored",
        width: 96,
        height: 64,
      }),
    ]);
    const bytes = await storedBytes(c, attachments[0]?.fileId);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    // The camera's EXIF (with its GPS position) is gone.
    expect(PHOTO.includes(Buffer.from("Agents CRM test camera"))).toBe(true);
    expect(bytes.includes(Buffer.from("Agents CRM test camera"))).toBe(false);
    // GET /files/<id> serves it to staff, and to nobody else.
    const url = new URL(attachments[0]?.url ?? "", c.t.url);
    const served = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(url)).status).toBe(404);
    const wrong = await fetch(url, {
      headers: { authorization: "Bearer not-the-admin-token-0000" },
    });
    expect([401, 404]).toContain(wrong.status);
    // The console saw the file coming, then heard it arrive.
    expect(
      c.adminEvents.some(
        (e) =>
          e.type === "message.created" &&
          (e.payload as { message?: { attachments?: { status: string }[] } }).message
            ?.attachments?.[0]?.status === "pending",
      ),
    ).toBe(true);
    expect(
      c.adminEvents.some(
        (e) =>
          e.type === "message.updated" &&
          (e.payload as { message?: { messageId?: string } }).message?.messageId ===
            message.messageId,
      ),
    ).toBe(true);
  });

  it("Telegram: a voice note is kept as Ogg audio", async () => {
    const chatId = 610_002;
    const fileId = c.telegram.addFile(telegram.bot, VOICE, { path: "voice/file_2.oga" });
    await postTelegram(
      c,
      telegram,
      telegramMessage(chatId, { voice: { file_id: fileId, duration: 1, mime_type: "audio/ogg" } }),
    );
    await c.workers.settled();
    const { message, attachments } = await onlyMessage("telegram", String(chatId));
    expect(message).toMatchObject({ kind: "voice", content: "" });
    expect(attachments).toEqual([
      expect.objectContaining({ kind: "voice", mimeType: "audio/ogg", status: "stored" }),
    ]);
    expect((await storedBytes(c, attachments[0]?.fileId)).equals(VOICE)).toBe(true);
  });

  it("Instagram: a photo from the CDN link is stored; an expired link leaves the reason", async () => {
    const sender = "9300000000000701";
    const url = c.graph.addInstagramCdnFile(PHOTO, { mimeType: "image/jpeg" });
    await postInstagram(
      c,
      instagramBody(ACCOUNT, [
        igItem(ACCOUNT, sender, {
          message: { mid: "mid.media.1", attachments: [{ type: "image", payload: { url } }] },
        }),
      ]),
    );
    await c.workers.settled();
    const first = await onlyMessage("instagram", sender);
    expect(first.attachments).toEqual([
      expect.objectContaining({ kind: "image", status: "stored" }),
    ]);

    const late = "9300000000000702";
    const expired = c.graph.addInstagramCdnFile(PHOTO, { mimeType: "image/jpeg", expired: true });
    await postInstagram(
      c,
      instagramBody(ACCOUNT, [
        igItem(ACCOUNT, late, {
          message: {
            mid: "mid.media.2",
            attachments: [{ type: "image", payload: { url: expired } }],
          },
        }),
      ]),
    );
    await c.workers.settled();
    const second = await onlyMessage("instagram", late);
    expect(second.message.kind).toBe("photo");
    expect(second.attachments).toEqual([
      expect.objectContaining({
        status: "unsupported",
        reason: expect.stringMatching(/expired/) as unknown,
      }),
    ]);
  });

  it("WhatsApp: a PDF keeps its name and is downloaded with the binding's token", async () => {
    const from = "971500000701";
    const mediaId = c.graph.addWhatsAppMedia(WA, PDF, "application/pdf");
    await postWhatsApp(
      c,
      whatsappBody(WA, from, [
        {
          from,
          id: "wamid.media.701",
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: "document",
          document: {
            id: mediaId,
            mime_type: "application/pdf",
            filename: "blood-test.pdf",
            caption: "My results",
          },
        },
      ]),
    );
    await c.workers.settled();
    const { message, attachments } = await onlyMessage("whatsapp", from);
    expect(message).toMatchObject({ kind: "file", content: "My results" });
    expect(attachments).toEqual([
      expect.objectContaining({
        kind: "document",
        mimeType: "application/pdf",
        name: "blood-test.pdf",
        status: "stored",
        size: PDF.length,
      }),
    ]);
    expect((await storedBytes(c, attachments[0]?.fileId)).equals(PDF)).toBe(true);
  });
});

describe("a download that fails", () => {
  it("is retried with back-off and succeeds once the platform answers", async () => {
    const chatId = 610_003;
    const fileId = c.telegram.addFile(telegram.bot, PDF, { path: "documents/file_3.pdf" });
    c.telegram.failDownloads(502, 2);
    await postTelegram(
      c,
      telegram,
      telegramMessage(chatId, {
        document: { file_id: fileId, file_name: "referral.pdf", mime_type: "application/pdf" },
      }),
    );
    await c.workers.settled();
    const { attachments } = await onlyMessage("telegram", String(chatId));
    expect(attachments).toEqual([
      expect.objectContaining({ kind: "document", status: "stored", name: "referral.pdf" }),
    ]);
  });

  it("ends as unsupported with the reason and a dead letter, the message kept", async () => {
    const chatId = 610_004;
    const fileId = c.telegram.addFile(telegram.bot, PHOTO, { path: "photos/file_4.jpg" });
    c.telegram.failDownloads(502, 3);
    const res = await postTelegram(
      c,
      telegram,
      telegramMessage(chatId, { photo: [{ file_id: fileId }], caption: "see" }),
    );
    expectAcknowledged(res);
    await c.workers.settled();
    const { message, attachments } = await onlyMessage("telegram", String(chatId));
    expect(message.content).toBe("see");
    expect(attachments).toEqual([
      expect.objectContaining({
        status: "unsupported",
        reason: "The download failed: Telegram refused the download (HTTP 502)",
      }),
    ]);
    // The console's dead-letter view says what failed: the platform, the file and the error.
    const dead = await c.admin.inbox.listDead({ limit: 50 });
    const letter = dead.items.find((item) => item.lastError?.includes("HTTP 502"));
    expect(letter).toMatchObject({
      type: "media",
      platform: "telegram",
      media: {
        conversationId: message.conversationId,
        messageId: message.messageId,
        files: [expect.objectContaining({ kind: "image" })],
      },
    });
  });
});
