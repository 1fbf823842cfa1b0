import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../api/test/fakes/fake-graph";
import {
  startFakeTelegram,
  type FakeBot,
  type FakeTelegram,
} from "../../api/test/fakes/fake-telegram";
import { launchBrowser, screenshot } from "./helpers/browser";
import { postToBot, signIn } from "./helpers/channels";
import { startProduct, type Product } from "./helpers/product";

// Telegram group updates as the Bot API sends them (https://core.telegram.org/bots/api#update,
// Chat.type "supergroup", a "mention" MessageEntity: https://core.telegram.org/bots/api#messageentity).

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const APP_URL = "https://crm.example.test";
const IG_ACCOUNT = "17841400000000777";
const IG_TOKEN = "IGAA-e2e-token-life";
const GROUP = { id: -1001987654321, title: "Sunrise patients", type: "supergroup" };

let telegram: FakeTelegram;
let graph: FakeGraph;
let bot: FakeBot;
let product: Product;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  bot = telegram.addBot({ username: "sunrise_clinic_bot" });
  graph = await startFakeGraph();
  graph.addInstagramAccount(IG_ACCOUNT, IG_TOKEN);
  product = await startProduct({
    TELEGRAM_API_BASE_URL: telegram.url,
    INSTAGRAM_GRAPH_BASE_URL: graph.url,
    APP_URL,
    INSTAGRAM_APP_SECRET: "e2e-ig-app-secret",
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await telegram?.close();
  await graph?.close();
});

const cardOf = (p: Page, channel: string) =>
  p.locator(`[data-testid="binding-card"][data-channel="${channel}"]`);

/** Telegram delivers a group update to the bot; the API takes it. */
async function deliver(update: object) {
  expect((await postToBot(product, bot, update)).status).toBe(200);
}

const groupUpdate = (updateId: number, text: string, entities: object[] = []) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    from: { id: 5000000002, is_bot: false, first_name: "Boris", username: "boris_p" },
    chat: GROUP,
    date: Math.floor(Date.now() / 1000),
    text,
    entities,
  },
});

describe("channel tokens and Telegram groups", () => {
  it("shows an Instagram token's life, and lets an admin allow groups by keyboard (phone, Russian)", async () => {
    await signIn(page, product, `/admin/agents/${AGENT}?tab=channels`);
    await page.getByTestId("channels-empty").waitFor(WAIT);

    await page.getByTestId("connect-instagram").click();
    await page.getByTestId("binding-accountId").fill(IG_ACCOUNT);
    await page.getByTestId("binding-accessToken").fill(IG_TOKEN);
    await page.getByTestId("binding-save").click();
    const token = cardOf(page, "instagram").getByTestId("health-token");
    await token.waitFor(WAIT);
    expect(await token.getAttribute("data-token-state")).toBe("unknown");
    expect(await token.textContent()).toContain("refreshed automatically once it is a day old");

    await page.getByTestId("connect-telegram").click();
    await page.getByTestId("binding-accessToken").fill(bot.token);
    await page.getByTestId("binding-save").click();
    await page.getByTestId("verify-outcome").waitFor(WAIT);
    const tg = cardOf(page, "telegram");
    const toggle = tg.getByTestId("telegram-groups-toggle");
    await toggle.waitFor(WAIT);
    expect(await toggle.isChecked()).toBe(false);

    // Off by default: a group message that even mentions the bot is not answered.
    const mention = [{ offset: 0, length: 19, type: "mention" }];
    await deliver(groupUpdate(9101, "@sunrise_clinic_bot when are you open?", mention));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(telegram.sent(String(GROUP.id))).toEqual([]);
    expect(await tg.getByTestId("telegram-groups").textContent()).toContain(
      "only private chats are customers",
    );
    await screenshot(page, "admin-channel-tokens");

    // Phone-sized, in Russian, keyboard only: Tab to the option, Space turns it on.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "ru-RU",
    });
    await phone.addCookies(await page.context().cookies());
    await phone.addCookies([{ name: "acrm_locale", value: "ru", url: product.webUrl }]);
    const small = await phone.newPage();
    await small.goto(`${product.webUrl}/admin/agents/${AGENT}?tab=channels`);
    const smallToggle = cardOf(small, "telegram").getByTestId("telegram-groups-toggle");
    await smallToggle.waitFor(WAIT);
    expect(await cardOf(small, "instagram").getByTestId("health-token").textContent()).toContain(
      "продлится автоматически",
    );
    await smallToggle.focus();
    await small.keyboard.press("Space");
    await expect.poll(() => smallToggle.isChecked(), WAIT).toBe(true);
    await expect
      .poll(() => cardOf(small, "telegram").getByTestId("telegram-groups").textContent(), WAIT)
      .toContain("каждая группа — один диалог");
    const overflow = await small.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await cardOf(small, "telegram").scrollIntoViewIfNeeded();
    await screenshot(small, "admin-channel-tokens-ru-phone");
    await phone.close();

    // On: chatter is still ignored, a mention is answered in the group.
    await deliver(groupUpdate(9102, "see you all tomorrow"));
    await deliver(groupUpdate(9103, "@sunrise_clinic_bot when are you open?", mention));
    await expect.poll(() => telegram.sent(String(GROUP.id)).length, WAIT).toBe(1);
  });
});
