import { createHmac } from "node:crypto";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../api/test/fakes/fake-graph";
import {
  startFakeTelegram,
  type FakeBot,
  type FakeTelegram,
} from "../../api/test/fakes/fake-telegram";
import { ARTIFACTS, launchBrowser, screenshot } from "./helpers/browser";
import { postToBot, privateMessage, signIn } from "./helpers/channels";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
// Telegram is only told where to post; nothing calls this address in the test.
const APP_URL = "https://crm.example.test";
const IG_ACCOUNT = "17841400000000321";
const IG_TOKEN = "IGQWR-e2e-secrets-token";
const IG_APP_SECRET = "e2e-saved-instagram-app-secret";
const WA_NUMBER = "109876543210321";
const WA_TOKEN = "EAAG-e2e-secrets-token";

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
  graph.addWhatsAppNumber(WA_NUMBER, WA_TOKEN);
  // As `npm start` runs for someone who has not set Meta's secrets up: no app secret in the
  // environment, WhatsApp without a verify token, unsigned deliveries not allowed.
  product = await startProduct({
    TELEGRAM_API_BASE_URL: telegram.url,
    INSTAGRAM_GRAPH_BASE_URL: graph.url,
    WHATSAPP_GRAPH_BASE_URL: graph.url,
    APP_URL,
    INSTAGRAM_WEBHOOK_VERIFY_TOKEN: "ig-verify-e2e",
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

async function sendInPlayground(text: string) {
  const before = await page.getByTestId("playground-decision").count();
  await page.getByTestId("playground-input").fill(text);
  await page.getByTestId("playground-input").press("Enter");
  await expect.poll(() => page.getByTestId("playground-decision").count(), WAIT).toBe(before + 1);
  return page.getByTestId("playground-decision").nth(before);
}

describe("channels and the playground of an agent", () => {
  it("connects a Telegram bot with guidance, verifies it with Telegram and shows its health", async () => {
    await signIn(page, product, `/admin/agents/${AGENT}?tab=channels`);
    await page.getByTestId("channels-empty").waitFor(WAIT);
    await page.getByTestId("dead-empty").waitFor(WAIT);

    // Meta's guide gives the deployed address, where the verify token is set, and warns what is missing.
    await page.getByTestId("connect-instagram").click();
    const meta = page.getByTestId("webhook-instagram");
    await meta.getByTestId("webhook-verify-token").waitFor(WAIT);
    expect(await meta.getByTestId("webhook-url").textContent()).toBe(
      `${APP_URL}/api/v1/instagram/webhook`,
    );
    // The token itself stays on the server; the guide names where it is set.
    const tokenHint = await meta.getByTestId("webhook-verify-token").textContent();
    expect(tokenHint).toContain("INSTAGRAM_WEBHOOK_VERIFY_TOKEN");
    expect(tokenHint).not.toContain("ig-verify-e2e");
    expect(await meta.getByRole("alert").textContent()).toContain("INSTAGRAM_APP_SECRET");

    await page.getByTestId("connect-telegram").click();
    await page.getByTestId("guide-telegram").getByText("@BotFather").waitFor(WAIT);
    // A wrong token is named next to its field before anything is sent.
    await page.getByTestId("binding-accessToken").fill("not-a-token");
    await page.getByTestId("binding-save").click();
    await page.getByText("This is not a bot token").waitFor(WAIT);
    expect(telegram.calls).toEqual([]);

    await page.getByTestId("binding-accessToken").fill(bot.token);
    await page.getByTestId("binding-save").click();
    const outcome = page.getByTestId("verify-outcome");
    await outcome.waitFor(WAIT);
    expect(await outcome.textContent()).toContain("bot @sunrise_clinic_bot");
    expect(await outcome.textContent()).toContain(
      `Webhook registered: ${APP_URL}/api/v1/telegram/webhook/`,
    );
    const methods = telegram.calls.filter((c) => c.token === bot.token).map((c) => c.method);
    expect(methods).toEqual(expect.arrayContaining(["getMe", "setWebhook"]));
    expect(bot.webhook?.url).toMatch(new RegExp(`^${APP_URL}/api/v1/telegram/webhook/.+`));
    // The token never comes back to the browser.
    expect(await page.content()).not.toContain(bot.token);

    const card = page.getByTestId("binding-card");
    await expect.poll(() => card.getByTestId("binding-state").textContent(), WAIT).toBe("Active");
    // Verify registered Telegram's secret token: nothing is missing.
    expect(await card.getByTestId("binding-secrets").count()).toBe(0);
    expect(await card.getByTestId("health-last-event").textContent()).toBe("never");
    expect(await card.getByTestId("health-dead-letters").textContent()).toBe("0");

    // A customer writes to the bot: Telegram posts the update to the webhook it was given.
    const response = await postToBot(
      product,
      bot,
      privateMessage(
        { updateId: 9001 },
        { id: 5000000001, first_name: "Anna" },
        { text: "What are your opening hours?" },
      ),
    );
    expect(response.status).toBe(200);
    await expect.poll(() => telegram.sent("5000000001").length, WAIT).toBeGreaterThan(0);
    await page.reload();
    await expect
      .poll(() => page.getByTestId("health-last-event").textContent(), WAIT)
      .not.toBe("never");
    await screenshot(page, "admin-channels");
  });

  it("says which webhook secrets each channel is missing, and the fix clears it (keyboard, phone, Russian)", async () => {
    await page.goto(`${product.webUrl}/admin/agents/${AGENT}?tab=channels`);
    const connect = async (channel: "instagram" | "whatsapp", account: string, token: string) => {
      await page.getByTestId(`connect-${channel}`).click();
      await page.getByTestId("binding-accountId").fill(account);
      await page.getByTestId("binding-accessToken").fill(token);
      await page.getByTestId("binding-save").click();
      await cardOf(channel).waitFor(WAIT);
    };
    const cardOf = (channel: string) =>
      page.locator(`[data-testid="binding-card"][data-channel="${channel}"]`);
    await connect("instagram", IG_ACCOUNT, IG_TOKEN);
    await connect("whatsapp", WA_NUMBER, WA_TOKEN);

    const ig = cardOf("instagram").getByTestId("binding-secrets");
    await ig.waitFor(WAIT);
    expect(await ig.getAttribute("data-deliveries")).toBe("refused");
    // Its messages are refused, so the badge does not say it works.
    expect(await cardOf("instagram").getByTestId("binding-state").textContent()).toBe(
      "Needs attention",
    );
    expect(await ig.getByTestId("missing-app_secret").textContent()).toContain(
      "set INSTAGRAM_APP_SECRET on the API, or save this account's app secret",
    );
    // INSTAGRAM_WEBHOOK_VERIFY_TOKEN is set; WhatsApp has neither secret.
    expect(await ig.getByTestId("missing-verify_token").count()).toBe(0);
    expect(await ig.getByTestId("binding-deliveries").textContent()).toContain(
      "deliveries to this account are refused",
    );
    const wa = cardOf("whatsapp").getByTestId("binding-secrets");
    expect(await wa.getByTestId("missing-app_secret").textContent()).toContain(
      "WHATSAPP_APP_SECRET",
    );
    expect(await wa.getByTestId("missing-verify_token").textContent()).toContain(
      "WHATSAPP_VERIFY_TOKEN",
    );
    // Presence only: no secret value reaches the page.
    expect(await page.content()).not.toContain("ig-verify-e2e");
    await screenshot(page, "admin-channels-secrets");

    // The API refuses what the page says it refuses.
    const hook = `${product.apiUrl}/api/v1/instagram/webhook`;
    const body = JSON.stringify({
      object: "instagram",
      entry: [
        {
          id: IG_ACCOUNT,
          time: Date.now(),
          messaging: [
            {
              sender: { id: "IGSID-e2e-secrets" },
              recipient: { id: IG_ACCOUNT },
              timestamp: Date.now(),
              message: { mid: "m_e2e_secrets_1", text: "Hello?" },
            },
          ],
        },
      ],
    });
    const deliver = (headers: Record<string, string>) =>
      fetch(hook, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    expect((await deliver({})).status).toBe(401);

    // Phone-sized, in Russian.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "ru-RU",
    });
    // The signed-in session of the desktop page, with Russian chosen.
    await phone.addCookies(await page.context().cookies());
    await phone.addCookies([{ name: "acrm_locale", value: "ru", url: product.webUrl }]);
    const small = await phone.newPage();
    await small.goto(`${product.webUrl}/admin/agents/${AGENT}?tab=channels`);
    const smallIg = small
      .locator('[data-testid="binding-card"][data-channel="instagram"]')
      .getByTestId("binding-secrets");
    await smallIg.waitFor(WAIT);
    expect(await smallIg.textContent()).toContain("Не хватает секретов вебхука");
    expect(await smallIg.getByTestId("binding-deliveries").textContent()).toContain(
      "доставки платформы для этого аккаунта отклоняются",
    );
    const overflow = await small.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await smallIg.scrollIntoViewIfNeeded();
    await screenshot(small, "admin-channels-secrets-ru-phone");
    await phone.close();

    // Keyboard only: the notice's button opens the form in the app secret field; Enter saves it.
    await cardOf("instagram").getByTestId("binding-add-app-secret").focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), WAIT)
      .toBe("binding-appSecret");
    await page.keyboard.type(IG_APP_SECRET);
    await page.keyboard.press("Enter");
    await expect.poll(() => ig.count(), WAIT).toBe(0);
    expect(await cardOf("instagram").getByTestId("binding-state").textContent()).toBe("Active");
    expect(await wa.count()).toBe(1);
    await screenshot(page, "admin-channels-secrets-fixed");

    const signature = `sha256=${createHmac("sha256", IG_APP_SECRET).update(body).digest("hex")}`;
    expect((await deliver({ "x-hub-signature-256": signature })).status).toBe(200);
  });

  it("shows the playground's decisions: a phone number escalates, a plain question does not", async () => {
    await page.goto(`${product.webUrl}/admin/agents/${AGENT}?tab=playground`);
    await page.getByTestId("agent-playground").waitFor(WAIT);
    await page.getByTestId("playground-channel").selectOption("telegram");

    const phone = await sendInPlayground("Please call me back at +44 20 7946 0958");
    expect(await phone.getByTestId("decision-escalation").textContent()).toMatch(
      /^Escalation: yes · /,
    );
    expect(await phone.getByTestId("decision-type").textContent()).toBe("contact");
    expect(await phone.getByTestId("decision-contacts").textContent()).toContain("+442079460958");
    // What staff would read about this hand-over: the customer's words, why, the contact.
    const summary = await phone.getByTestId("decision-summary").textContent();
    expect(summary).toContain("Wants: “Please call me back at +44 20 7946 0958”");
    expect(summary).toContain("Contacts: +442079460958");
    await phone.screenshot({ path: join(ARTIFACTS, "admin-playground-decision-summary.png") });

    const plain = await sendInPlayground("What are your opening hours?");
    expect(await plain.getByTestId("decision-escalation").textContent()).toBe("Escalation: no");
    expect(await plain.getByTestId("decision-summary").count()).toBe(0);
    expect(await plain.getByTestId("decision-sources").textContent()).toContain(
      "Opening hours and address",
    );
    expect(await page.getByTestId("playground-agent").last().textContent()).toContain("Telegram");
    await screenshot(page, "admin-playground");

    await page.getByTestId("playground-reset").click();
    await expect.poll(() => page.getByTestId("playground-decision").count(), WAIT).toBe(0);
  });
});
