import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio, type FakeTwilio } from "../../api/test/fakes/fake-twilio";
import { launchBrowser, screenshot } from "./helpers/browser";
import { signIn } from "./helpers/channels";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const APP_URL = "https://crm.example.test";
const SENDER = "whatsapp:+14155238886";
const AUTH_TOKEN = "twilio-e2e-auth-token-0123456789";
// A sender registered on the account in the fake's Senders API, and one that is no sender of it.
const REGISTERED = "whatsapp:+14155230777";
const STRANGER = "whatsapp:+14155230999";

let twilio: FakeTwilio;
let accountSid: string;
let product: Product;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  twilio = await startFakeTwilio();
  accountSid = twilio.addAccount(AUTH_TOKEN);
  twilio.addSender(accountSid, REGISTERED);
  // The account SID is in the environment (as Channel settings would hold it); the auth token is
  // typed into the binding.
  product = await startProduct({
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_MESSAGING_BASE_URL: twilio.url,
    TWILIO_ACCOUNT_SID: accountSid,
    // The account's auth token is in the environment too: a binding may keep its own or use this one.
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    APP_URL,
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: "ru-RU",
    viewport: { width: 390, height: 844 },
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await twilio?.close();
});

const focused = (on: Page = page) =>
  on.evaluate(() => document.activeElement?.getAttribute("data-testid"));

/** Opens the card's form by keyboard and types a new sender over the old one (Shift+Tab from the token). */
async function editSender(on: Page, sender: string) {
  await on.getByTestId("binding-edit").focus();
  await on.keyboard.press("Enter");
  await on.getByTestId("binding-form").waitFor(WAIT);
  expect(await focused(on)).toBe("binding-accessToken");
  await on.keyboard.press("Shift+Tab");
  await on.keyboard.press("Shift+Tab");
  expect(await focused(on)).toBe("binding-accountId");
  await on.keyboard.press("ControlOrMeta+a");
  await on.keyboard.type(sender);
}

describe("a Twilio WhatsApp binding from the console", () => {
  it("an admin on a phone, in Russian, adds it by keyboard, verifies it against Twilio and sees it active", async () => {
    await signIn(page, product, `/admin/agents/${AGENT}?tab=channels`);
    await page.getByTestId("channels-empty").waitFor(WAIT);

    await page.getByTestId("connect-whatsapp").focus();
    await page.keyboard.press("Enter");
    // The provider is a radio group: the arrow key moves from Meta to Twilio.
    await page.getByTestId("binding-provider-meta").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByTestId("binding-provider-twilio").isChecked()).toBe(true);
    const guide = page.getByTestId("webhook-twilio");
    await guide.waitFor(WAIT);
    expect(await guide.getByTestId("webhook-url").textContent()).toBe(
      `${APP_URL}/api/v1/twilio/whatsapp/webhook`,
    );
    expect(await page.getByTestId("guide-twilio").textContent()).toContain("Twilio");
    await screenshot(page, "twilio-binding-form-phone-ru");

    // A sender without whatsapp: is named before anything is sent.
    await page.getByTestId("binding-accountId").focus();
    await page.keyboard.type("+14155238886");
    await page.keyboard.press("Enter");
    await page.getByText("Укажите отправителя как whatsapp:").waitFor(WAIT);
    await screenshot(page, "twilio-binding-sender-error-phone-ru");

    await page.getByTestId("binding-accountId").fill("");
    await page.getByTestId("binding-accountId").focus();
    await page.keyboard.type(SENDER);
    // The account SID comes from the environment: its field says so and may stay empty.
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("binding-accountSid");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("binding-accessToken");
    await page.keyboard.type(AUTH_TOKEN);
    await page.keyboard.press("Enter");

    const outcome = page.getByTestId("verify-outcome");
    await outcome.waitFor(WAIT);
    expect(await outcome.textContent()).toContain(`Twilio принял данные доступа`);
    expect(await outcome.textContent()).toContain(accountSid);
    const card = page.getByTestId("binding-card");
    await expect
      .poll(() => card.getByTestId("binding-state").getAttribute("data-state"), WAIT)
      .toBe("active");
    expect(await card.textContent()).toContain(SENDER);
    // Twilio signs webhooks with the auth token saved on the binding: nothing is missing.
    expect(await card.getByTestId("binding-secrets").count()).toBe(0);
    expect(await page.content()).not.toContain(AUTH_TOKEN);
    await screenshot(page, "twilio-binding-active-phone-ru");
  });

  it("changes the sender and account SID later; a sender not on the account is named in Russian", async () => {
    const card = page.getByTestId("binding-card");
    await editSender(page, STRANGER);
    await page.keyboard.press("Enter");
    const outcome = page.getByTestId("verify-outcome");
    await expect
      .poll(() => outcome.textContent(), WAIT)
      .toContain(`${STRANGER} не является отправителем WhatsApp этого аккаунта Twilio`);
    expect(await card.textContent()).toContain(STRANGER);
    await expect
      .poll(() => card.getByTestId("binding-state").getAttribute("data-state"), WAIT)
      .toBe("error");
    // The card's health says the same in Russian: its last error is never the API's English sentence.
    const lastError = card.getByTestId("health-last-error");
    await expect
      .poll(() => lastError.textContent(), WAIT)
      .toContain(`${STRANGER} не является отправителем WhatsApp этого аккаунта Twilio`);
    expect(await lastError.textContent()).not.toMatch(/is not a WhatsApp sender|check the/);
    expect(await card.getByTestId("binding-health").textContent()).toContain("Последняя ошибка");
    await card.getByTestId("binding-health").scrollIntoViewIfNeeded();
    await screenshot(page, "twilio-binding-sender-not-on-account-phone-ru");

    // The registered sender, with the account SID typed in: a malformed one is named first.
    await editSender(page, REGISTERED);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("binding-accountSid");
    await page.keyboard.type("AC123");
    await page.keyboard.press("Enter");
    await page.getByText("Account SID — это AC и ещё 32 символа").waitFor(WAIT);
    await screenshot(page, "twilio-binding-sid-error-phone-ru");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(accountSid);
    await page.keyboard.press("Enter");
    await expect.poll(() => outcome.textContent(), WAIT).toContain("Twilio принял данные доступа");
    await expect
      .poll(() => card.getByTestId("binding-state").getAttribute("data-state"), WAIT)
      .toBe("active");
    expect(await card.textContent()).toContain(REGISTERED);
    await screenshot(page, "twilio-binding-sender-changed-phone-ru");

    expect(await card.getByTestId("health-twilio-credentials").textContent()).toBe("свой / свой");
    // The binding gives up its own auth token for the channel settings' (here the environment's).
    await page.getByTestId("binding-edit").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("binding-form").waitFor(WAIT);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("binding-useSettingsAuthToken");
    await page.keyboard.press("Space");
    expect(await page.getByTestId("binding-accessToken").isDisabled()).toBe(true);
    await screenshot(page, "twilio-binding-use-settings-token-phone-ru");
    // The disabled token field is skipped on the way back.
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("binding-accountSid");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("binding-form").count(), WAIT).toBe(0);
    await expect
      .poll(() => card.getByTestId("health-twilio-credentials").textContent(), WAIT)
      .toBe("свой / из настроек каналов");
    await expect.poll(() => outcome.textContent(), WAIT).toContain("Twilio принял данные доступа");
    await screenshot(page, "twilio-binding-settings-token-phone-ru");
  });

  it("in English, on a phone, the same refusal reads in English", async () => {
    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 390, height: 844 },
    });
    const en = await context.newPage();
    await signIn(en, product, `/admin/agents/${AGENT}?tab=channels`);
    await en.getByTestId("binding-card").waitFor(WAIT);
    await editSender(en, STRANGER);
    await en.keyboard.press("Enter");
    await expect
      .poll(() => en.getByTestId("verify-outcome").textContent(), WAIT)
      .toContain(`${STRANGER} is not a WhatsApp sender of this Twilio account`);
    await expect
      .poll(() => en.getByTestId("health-last-error").textContent(), WAIT)
      .toContain(`${STRANGER} is not a WhatsApp sender of this Twilio account`);
    await en.getByTestId("binding-health").scrollIntoViewIfNeeded();
    await screenshot(en, "twilio-binding-sender-not-on-account-phone-en");
    await context.close();
  });
});
