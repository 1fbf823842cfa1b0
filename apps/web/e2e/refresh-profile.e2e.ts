import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startFakeTelegram,
  type FakeBot,
  type FakeTelegram,
} from "../../api/test/fakes/fake-telegram";
import { launchBrowser, screenshot } from "./helpers/browser";
import { bindAndVerify, postToBot, privateMessage, signIn } from "./helpers/channels";
import { startProduct, type Product } from "./helpers/product";
import { staffClient, type TrpcClient } from "./helpers/trpc";

// A Telegram customer renames themselves; staff refresh the profile from the conversation's customer card
// (getChat, https://core.telegram.org/bots/api#getchat) with the keyboard, in English on a desktop, then
// try again at once in Russian on a phone and are told to wait. Update shape:
// https://core.telegram.org/bots/api#update (a private-chat text message).

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const ADMIN_TOKEN = "e2e-refresh-profile-admin-token-0123456789";
const CHAT_ID = 5_311_000_001;

let telegram: FakeTelegram;
let bot: FakeBot;
let bindingId = "";
let product: Product;
let browser: Browser;
let staff: TrpcClient;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  product = await startProduct({
    TELEGRAM_API_BASE_URL: telegram.url,
    // Telegram takes only https webhooks: the address it is given; the test posts to the API itself.
    APP_URL: "https://clinic.example.test",
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();
  staff = staffClient(product.webUrl, ADMIN_TOKEN);
  bot = telegram.addBot();
  ({ bindingId } = await bindAndVerify(staff, {
    agentId: AGENT,
    channelType: "telegram",
    accessToken: bot.token,
  }));
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await telegram?.close();
});

async function deliver(text: string) {
  const hook = new URL(bot.webhook?.url ?? "").pathname;
  expect(hook).toBe(`/api/v1/telegram/webhook/${bindingId}`);
  const res = await postToBot(
    product,
    bot,
    privateMessage(
      { updateId: 700_001, messageId: 11 },
      { id: CHAT_ID, first_name: "Anna", username: "anna_k" },
      { text },
    ),
  );
  expect(`${res.status} ${await res.text()}`).toMatch(/^200/);
}

let conversationId = "";

describe("refreshing a customer's profile from the conversation", () => {
  it("staff re-read a renamed Telegram customer with the keyboard (desktop, English)", async () => {
    await deliver("Hello, do you have time on Friday?");
    await expect.poll(() => telegram.sent(CHAT_ID).length, WAIT).toBe(1);
    const list = await staff.conversations.list.query({ channel: "telegram" });
    conversationId = list.items[0]?.conversationId ?? "";
    expect(conversationId).not.toBe("");

    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" })
    ).newPage();
    await signIn(page, product, `/admin/conversations/${conversationId}`);
    await page.getByTestId("profile-username").waitFor(WAIT);
    expect(await page.getByTestId("profile-username").textContent()).toBe("@anna_k");

    telegram.setChat(CHAT_ID, { first_name: "Anna", last_name: "Karenina", username: "anna_kar" });
    await page.getByTestId("refresh-profile").focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByTestId("refresh-outcome").textContent(), WAIT)
      .toBe("Profile refreshed.");
    await expect
      .poll(() => page.getByTestId("profile-name").textContent(), WAIT)
      .toBe("Anna Karenina");
    expect(await page.getByTestId("profile-username").textContent()).toBe("@anna_kar");
    await screenshot(page, "refresh-profile-desktop-en");
    await page.context().close();
  });

  it("a second refresh at once is refused with the wait (phone, Russian)", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "ru-RU",
    });
    const page = await context.newPage();
    await signIn(page, product, `/admin/conversations/${conversationId}`);
    const button = page.getByTestId("refresh-profile");
    await button.waitFor(WAIT);
    expect(await button.textContent()).toBe("Обновить профиль");
    await expect
      .poll(() => page.getByTestId("profile-name").textContent(), WAIT)
      .toBe("Anna Karenina");
    const calls = telegram.calls.filter((call) => call.method === "getChat").length;
    await button.scrollIntoViewIfNeeded();
    await button.tap();
    await expect
      .poll(() => page.getByTestId("refresh-outcome").textContent(), WAIT)
      .toContain("Профиль только что обновляли");
    expect(telegram.calls.filter((call) => call.method === "getChat")).toHaveLength(calls);
    await screenshot(page, "refresh-profile-cooldown-phone-ru");
    await context.close();
  });
});
