import type { BrowserContext } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { signIn } from "./helpers/channels";
import { productAndBrowserForSuite } from "./helpers/session";

const WAIT = { timeout: 30_000 };
// The environment sets WhatsApp's verify token: the page must say that source wins.
const running = productAndBrowserForSuite({ WHATSAPP_VERIFY_TOKEN: "from-the-environment" });
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

describe("channel settings in the console", () => {
  it("an owner saves Twilio's auth token with the keyboard on a phone, in Russian; it is never shown again", async () => {
    const context = await running.browser.newContext({
      locale: "ru-RU",
      viewport: { width: 390, height: 844 },
    });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, running.product, "/admin/channel-settings");

    const verify = page.getByTestId("channel-setting-whatsapp_verify_token");
    await verify.waitFor(WAIT);
    expect(await verify.textContent()).toContain("WHATSAPP_VERIFY_TOKEN");
    const token = page.getByTestId("channel-setting-twilio_auth_token");
    expect(await token.textContent()).toContain("Не задано");
    await screenshot(page, "channel-settings-phone-ru");

    await page.getByTestId("channel-setting-value-twilio_auth_token").focus();
    await page.keyboard.type("twilio-auth-token-from-the-console");
    await page.keyboard.press("Enter");
    await token.getByText("Действует: сохранено в консоли").waitFor(WAIT);
    expect(await page.getByTestId("channel-setting-value-twilio_auth_token").inputValue()).toBe("");
    expect(await page.content()).not.toContain("twilio-auth-token-from-the-console");
    await screenshot(page, "channel-settings-saved-phone-ru");

    // A value that cannot be a Twilio account SID is refused with words.
    await page.getByTestId("channel-setting-value-twilio_account_sid").fill("not-a-sid");
    await page.getByTestId("channel-setting-value-twilio_account_sid").press("Enter");
    await page
      .getByTestId("channel-setting-twilio_account_sid")
      .locator('[aria-invalid="true"]')
      .waitFor(WAIT);
    // Named in Russian, not the server's zod JSON (regression).
    const row = await page.getByTestId("channel-setting-twilio_account_sid").textContent();
    expect(row).toContain("SID аккаунта Twilio — это AC и ещё 32 символа");
    expect(row).not.toContain('"code"');
    await screenshot(page, "channel-settings-invalid-phone-ru");
  });
});
