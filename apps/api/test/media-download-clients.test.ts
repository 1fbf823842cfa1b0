import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerMedia } from "../src/platforms/customer-media";
import { boundedGet, MediaDownloadError } from "../src/platforms/media-download";
import { createTelegramBotApi } from "../src/platforms/telegram-bot-api";
import { startFakeGraph, type FakeGraph } from "./fakes/fake-graph";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { mediaFixture } from "./helpers/webhook-kit";

const PHOTO = mediaFixture("rash-photo.jpg");
const VOICE = mediaFixture("voice-note.ogg");
const PDF = mediaFixture("test-results.pdf");
const MB = 1024 * 1024;

let telegram: FakeTelegram;
let graph: FakeGraph;
let endless: Server;
let endlessUrl: string;
let media: ReturnType<typeof createCustomerMedia>;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  graph = await startFakeGraph();
  // A server that never stops sending and never says how much: the cap must cut it off.
  endless = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "image/jpeg" });
    const chunk = Buffer.alloc(64 * 1024, 1);
    const timer = setInterval(() => res.write(chunk), 1);
    res.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
  endlessUrl = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/forever.jpg`;
  media = createCustomerMedia({
    telegram: createTelegramBotApi({ baseUrl: telegram.url }),
    whatsapp: { baseUrl: graph.url },
    instagramGraphBaseUrl: graph.url,
    timeoutMs: 2_000,
  });
});

afterAll(async () => {
  await Promise.all([telegram.close(), graph.close()]);
  endless.closeAllConnections();
  await new Promise((resolve) => endless.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<MediaDownloadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof MediaDownloadError) return error;
  throw new Error(`expected a MediaDownloadError, got ${String(error)}`);
}

describe("Telegram getFile and the file URL", () => {
  it("downloads a voice note's bytes exactly", async () => {
    const bot = telegram.addBot();
    const fileId = telegram.addFile(bot, VOICE, { path: "voice/file_7.oga" });
    const got = await media.telegram(bot.token, fileId, 10 * MB);
    expect(got.bytes.equals(VOICE)).toBe(true);
    expect(got.fileName).toBe("file_7.oga");
    expect(telegram.calls.at(-1)).toMatchObject({ method: "getFile", body: { file_id: fileId } });
  });

  it("above Telegram's 20 MB a file is refused for good, without downloading", async () => {
    const bot = telegram.addBot();
    const fileId = telegram.addFile(bot, PHOTO, { size: 25 * MB });
    const downloads = telegram.downloads.length;
    const error = await failure(media.telegram(bot.token, fileId, 50 * MB));
    expect(error).toMatchObject({ retryable: false, reason: "The file is larger than 20 MB" });
    expect(telegram.downloads).toHaveLength(downloads);
  });

  it("a file larger than the kind's limit is refused from getFile's size", async () => {
    const bot = telegram.addBot();
    const fileId = telegram.addFile(bot, PDF, { path: "documents/file_9.pdf" });
    const error = await failure(media.telegram(bot.token, fileId, 100));
    expect(error.retryable).toBe(false);
  });

  it("a 502 from the file server is worth retrying", async () => {
    const bot = telegram.addBot();
    const fileId = telegram.addFile(bot, PHOTO, { path: "photos/file_1.jpg" });
    telegram.failDownloads(502);
    const error = await failure(media.telegram(bot.token, fileId, 10 * MB));
    expect(error.retryable).toBe(true);
    expect((await media.telegram(bot.token, fileId, 10 * MB)).bytes.equals(PHOTO)).toBe(true);
  });
});

describe("Instagram CDN links", () => {
  it("downloads the photo with its declared type", async () => {
    const url = graph.addInstagramCdnFile(PHOTO, { mimeType: "image/jpeg" });
    const got = await media.instagram(url, 10 * MB);
    expect(got).toMatchObject({ mimeType: "image/jpeg" });
    expect(got.bytes.equals(PHOTO)).toBe(true);
  });

  it("a link anywhere but Meta's CDN is never fetched", async () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "file:///etc/passwd",
      "nonsense",
    ]) {
      expect((await failure(media.instagram(url, 10 * MB))).retryable).toBe(false);
    }
  });

  it("an expired link is gone for good, and the reason says so", async () => {
    const url = graph.addInstagramCdnFile(PHOTO, { mimeType: "image/jpeg", expired: true });
    const error = await failure(media.instagram(url, 10 * MB));
    expect(error.retryable).toBe(false);
    expect(error.reason).toMatch(/no longer has the file.*expired/);
  });
});

describe("WhatsApp media id → URL → bytes with the binding's token", () => {
  it("downloads a PDF, checking Meta's sha256", async () => {
    graph.addWhatsAppNumber("106540352240301", "EAAG-media-token");
    const id = graph.addWhatsAppMedia("106540352240301", PDF, "application/pdf");
    const got = await media.whatsapp("EAAG-media-token", "106540352240301", id, 10 * MB);
    expect(got).toMatchObject({ mimeType: "application/pdf" });
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(graph.count("whatsapp.media")).toBe(1);
    expect(graph.count("whatsapp.download")).toBe(1);
  });

  it("a wrong token is refused for good; a Graph outage is retried", async () => {
    graph.addWhatsAppNumber("106540352240302", "EAAG-right");
    const id = graph.addWhatsAppMedia("106540352240302", PHOTO, "image/jpeg");
    const refused = await failure(media.whatsapp("EAAG-wrong", "106540352240302", id, 10 * MB));
    expect(refused.retryable).toBe(false);
    graph.failNext("whatsapp.download", { status: 503 });
    const outage = await failure(media.whatsapp("EAAG-right", "106540352240302", id, 10 * MB));
    expect(outage.retryable).toBe(true);
  });
});

describe("bounded downloads", () => {
  it("a body without a length is cut off at the cap instead of filling memory", async () => {
    const started = Date.now();
    const error = await failure(
      boundedGet(endlessUrl, { maxBytes: 2 * MB, timeoutMs: 5_000, source: "Test" }),
    );
    expect(error).toMatchObject({ retryable: false, reason: "The file is larger than 2 MB" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a download that takes too long times out, worth retrying", async () => {
    const error = await failure(
      boundedGet(endlessUrl, { maxBytes: 10_000 * MB, timeoutMs: 300, source: "Test" }),
    );
    expect(error.retryable).toBe(true);
    expect(error.reason).toMatch(/within 300 ms/);
  });
});
