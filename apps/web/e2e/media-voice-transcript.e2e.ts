import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../../packages/ai/src/testing";
import {
  startFakeTelegram,
  type FakeBot,
  type FakeTelegram,
} from "../../api/test/fakes/fake-telegram";
import { launchBrowser, screenshot } from "./helpers/browser";
import { bindAndVerify, postToBot, privateMessage } from "./helpers/channels";
import { startProduct, type Product } from "./helpers/product";
import { staffClient } from "./helpers/trpc";

// A Telegram voice note, transcribed by the (fake) OpenAI transcription endpoint, as staff read it in
// the console: the player, its length read from the Ogg file, and the words under it — on a desktop in
// English and on a phone in Russian.

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-voice-transcript-admin-token-0123456789";
const APP_URL = "https://crm.example.test";
const VOICE = readFileSync(
  new URL("../../api/test/fixtures/media/voice-note.ogg", import.meta.url),
);
const WORDS = "Можно записаться на чистку в пятницу утром?";

let telegram: FakeTelegram;
let bot: FakeBot;
let openai: FakeOpenAI;
let product: Product;
let browser: Browser;
let conversationId = "";

beforeAll(async () => {
  telegram = await startFakeTelegram();
  bot = telegram.addBot({ username: "voice_clinic_bot" });
  openai = await startFakeOpenAI({
    transcriber: () => WORDS,
    responder: () => ({
      json: {
        reply: "Да, в пятницу в 10:00 есть свободное время.",
        escalation: { needed: false, type: "none", reason: "", confidence: 0.9 },
        sources_used: [],
      },
    }),
  });
  product = await startProduct({
    ADMIN_TOKEN,
    APP_URL,
    TELEGRAM_API_BASE_URL: telegram.url,
    OPENAI_API_KEY: "sk-e2e-voice",
    OPENAI_BASE_URL: openai.url,
    TRANSCRIPTION_MODEL: "gpt-4o-mini-transcribe",
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();

  // The clinic's bot, connected the admin way; then a patient records a voice note to it.
  const staff = staffClient(product.apiUrl, ADMIN_TOKEN);
  await bindAndVerify(staff, {
    agentId: "demo_clinic",
    channelType: "telegram",
    accessToken: bot.token,
  });
  const fileId = telegram.addFile(bot, VOICE, { path: "voice/file_1.oga" });
  const response = await postToBot(
    product,
    bot,
    privateMessage(
      { updateId: 7001 },
      { id: 5000000777, first_name: "Ольга" },
      { voice: { file_id: fileId, duration: 1, mime_type: "audio/ogg" } },
    ),
  );
  expect(response.status).toBe(200);
  // The worker stores it at once; its file, transcript and the reply follow.
  for (let tries = 0; tries < 300 && !conversationId; tries++) {
    const list = await staff.conversations.list.query({ limit: 10 });
    conversationId = list.items.find((row) => row.channel === "telegram")?.conversationId ?? "";
    if (!conversationId) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!conversationId) throw new Error("the voice note never reached a conversation");
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await telegram?.close();
  await openai?.close();
});

async function signedInOn(page: Page) {
  const login = product.login;
  if (!login) throw new Error("the product printed no admin login");
  await page.goto(
    `${product.webUrl}/login?next=${encodeURIComponent(`/admin/conversations/${conversationId}`)}`,
  );
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`/admin/conversations/${conversationId}$`), WAIT);
}

describe("a customer's voice note in the console", () => {
  it("desktop, English: the player, its length and the transcript; the agent answered the words", async () => {
    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signedInOn(page);
    const transcript = page.getByTestId("transcript");
    const words = transcript.getByTestId("attachment-transcript");
    await words.waitFor(WAIT);
    expect(await words.textContent()).toBe(`Transcript: ${WORDS}`);
    expect(await transcript.getByTestId("attachment-length").textContent()).toBe("0:01");
    const player = transcript.getByTestId("attachment-audio");
    expect(await player.getAttribute("aria-label")).toBe("Voice message, 0:01");
    // The player is reachable by keyboard and plays what the API serves to staff.
    await player.focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("AUDIO");
    await transcript.locator('[data-testid="message-agent"]').first().waitFor(WAIT);
    // Its files speak for themselves: no "[voice]" label above them.
    expect(await transcript.getByText("[voice]").count()).toBe(0);
    await screenshot(page, "media-voice-transcript-desktop-en");
    await context.close();
  });

  it("phone, Russian: the same note reads in Russian", async () => {
    const context = await browser.newContext({
      locale: "ru-RU",
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await signedInOn(page);
    const transcript = page.getByTestId("transcript");
    const words = transcript.getByTestId("attachment-transcript");
    await words.waitFor(WAIT);
    expect(await words.textContent()).toBe(`Расшифровка: ${WORDS}`);
    expect(await transcript.getByTestId("attachment-audio").getAttribute("aria-label")).toBe(
      "Голосовое сообщение, 0:01",
    );
    // The booking keyword handed it over; the reason reads in Russian too, not only its label.
    const summary = await page.getByTestId("handoff-summary").textContent();
    expect(summary).toContain("Почему: Ключевое слово «записаться»");
    expect(await page.getByTestId("info-handoff-reason").textContent()).toContain(
      "Ключевое слово «записаться»",
    );
    await words.scrollIntoViewIfNeeded();
    await screenshot(page, "media-voice-transcript-phone-ru");
    // Nothing overflows the phone's width.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await context.close();
  });
});
