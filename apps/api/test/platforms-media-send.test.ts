import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphApiError } from "../src/platforms/graph-api-call";
import { createInstagramGraphApi } from "../src/platforms/instagram-graph-api";
import { createTelegramBotApi, TelegramApiError } from "../src/platforms/telegram-bot-api";
import { createWhatsAppCloudApi } from "../src/platforms/whatsapp-cloud-api";
import { startFakeGraph, type FakeGraph } from "./fakes/fake-graph";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";

// The platform clients' media calls against the fake servers, which parse the real wire format
// (multipart/form-data for Telegram and WhatsApp uploads; Instagram fetching a URL itself).

const bytes = (size: number) => new Uint8Array(randomBytes(size));
let telegram: FakeTelegram;
let graph: FakeGraph;

beforeAll(async () => {
  [telegram, graph] = await Promise.all([startFakeTelegram(), startFakeGraph()]);
});
afterAll(() => Promise.all([telegram.close(), graph.close()]));

describe("Telegram uploads", () => {
  it("sends a photo by multipart with its caption, and the bytes arrive intact", async () => {
    const bot = telegram.addBot();
    const api = createTelegramBotApi({ baseUrl: telegram.url });
    const photo = bytes(300_000);
    const sent = await api.sendMedia(bot.token, {
      method: "sendPhoto",
      chat_id: 4201,
      file: { bytes: photo, name: "rash.jpg", mimeType: "image/jpeg" },
      caption: "Как просили — фото",
    });
    expect(sent.message_id).toBeGreaterThan(0);
    const [received] = telegram.media(4201);
    expect(received).toMatchObject({
      method: "sendPhoto",
      fileName: "rash.jpg",
      mimeType: "image/jpeg",
      caption: "Как просили — фото",
    });
    expect(Buffer.compare(received?.bytes ?? Buffer.alloc(0), Buffer.from(photo))).toBe(0);
  });

  it("a document keeps its (non-ASCII) name; Telegram's refusal comes back as its error", async () => {
    const bot = telegram.addBot();
    const api = createTelegramBotApi({ baseUrl: telegram.url });
    await api.sendMedia(bot.token, {
      method: "sendDocument",
      chat_id: 4202,
      file: { bytes: bytes(2048), name: "Прайс-лист.pdf", mimeType: "application/pdf" },
    });
    expect(telegram.media(4202)[0]?.fileName).toBe("Прайс-лист.pdf");

    const tooLong = api.sendMedia(bot.token, {
      method: "sendDocument",
      chat_id: 4202,
      file: { bytes: bytes(10), name: "a.pdf", mimeType: "application/pdf" },
      caption: "x".repeat(1025),
    });
    await expect(tooLong).rejects.toBeInstanceOf(TelegramApiError);
    await expect(tooLong).rejects.toThrow(/caption is too long/);
  });
});

describe("WhatsApp media", () => {
  it("uploads the file, then sends it by media id with a caption and a document's file name", async () => {
    graph.addWhatsAppNumber("106540352249901", "EAAG-media");
    const api = createWhatsAppCloudApi({ baseUrl: graph.url });
    const pdf = bytes(120_000);
    const { mediaId } = await api.uploadMedia("EAAG-media", "106540352249901", {
      bytes: pdf,
      name: "price-list.pdf",
      mimeType: "application/pdf",
    });
    expect(mediaId).toMatch(/^\d+$/);
    const { messageId } = await api.sendMedia("EAAG-media", "106540352249901", {
      to: "971500000001",
      type: "document",
      mediaId,
      caption: "Our prices",
      filename: "price-list.pdf",
    });
    expect(messageId).toMatch(/^wamid\./);
    const [sent] = graph.sent({ to: "971500000001" });
    expect(sent?.attachment).toMatchObject({
      type: "document",
      mediaId,
      caption: "Our prices",
      filename: "price-list.pdf",
      mimeType: "application/pdf",
    });
    expect(Buffer.compare(sent?.attachment?.bytes ?? Buffer.alloc(0), Buffer.from(pdf))).toBe(0);
  });

  it("an unknown media id is Meta's 400, not retried", async () => {
    const api = createWhatsAppCloudApi({ baseUrl: graph.url });
    const refused = api.sendMedia("EAAG-media", "106540352249901", {
      to: "971500000002",
      type: "image",
      mediaId: "999",
    });
    await expect(refused).rejects.toBeInstanceOf(GraphApiError);
    await expect(refused).rejects.toMatchObject({ status: 400, isRetryable: false });
  });
});

describe("Instagram media", () => {
  it("sends an attachment by URL; Instagram fetches the bytes from that URL", async () => {
    const image = Buffer.from(bytes(50_000));
    const server = createServer((req, res) => {
      if (req.url !== "/files/f_test?sig=ok") {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "image/png", "content-length": image.length });
      res.end(image);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      graph.addInstagramAccount("17841400009901", "IGQWR-media");
      const api = createInstagramGraphApi({ baseUrl: graph.url });
      await api.sendMessage("IGQWR-media", "17841400009901", {
        recipient: { id: "igsid-1" },
        message: {
          attachment: { type: "image", payload: { url: `${origin}/files/f_test?sig=ok` } },
        },
      });
      const [sent] = graph.sent({ to: "igsid-1" });
      expect(sent?.attachment?.mimeType).toBe("image/png");
      expect(Buffer.compare(sent?.attachment?.bytes ?? Buffer.alloc(0), image)).toBe(0);

      const unreachable = api.sendMessage("IGQWR-media", "17841400009901", {
        recipient: { id: "igsid-1" },
        message: {
          attachment: { type: "image", payload: { url: `${origin}/files/f_test?sig=bad` } },
        },
      });
      await expect(unreachable).rejects.toThrow(/Failed to fetch the file/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
