import { startSmtpCapture, type SmtpCapture } from "@agents-crm/config/testing/smtp-capture";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

let smtp: SmtpCapture;
let product: Product;
let browser: Browser;
const contexts: BrowserContext[] = [];

// The API is started with SMTP_* pointing at a real SMTP server on this machine, which keeps the mail.
beforeAll(async () => {
  smtp = await startSmtpCapture();
  product = await startProduct({ ...smtp.env, APP_URL: "http://localhost:3000" });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await product?.stop();
  await smtp?.close();
});

async function newPage(options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  return context.newPage();
}

const adminEmail = () => {
  if (!product.login) throw new Error("the product printed no admin login");
  return product.login.email;
};

function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no six-digit code in the e-mail:\n${text}`);
  return code;
}

describe("signing in with a code sent by e-mail", () => {
  it("from the keyboard: e-mail, then the code from the message, lands on the page asked for", async () => {
    const page = await newPage();
    await page.goto(`${product.webUrl}/admin/conversations`);
    await page.waitForURL(/\/login\?next=/, WAIT);

    // Keyboard only: Tab to "E-mail me a code instead", Enter; the e-mail field takes the focus.
    await page.getByTestId("login-use-code").focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("code-email");
    const since = smtp.messages.length;
    await page.keyboard.type(adminEmail());
    await page.keyboard.press("Enter");
    await page.getByTestId("code-sent").waitFor(WAIT);
    expect(await page.getByTestId("code-sent").textContent()).toBe(
      `If ${adminEmail()} has an account, a code is on its way. It works once, within 10 minutes.`,
    );
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("code-input");

    const mail = await smtp.nextTo(adminEmail(), { since });
    expect(mail.subject).toMatch(/^\d{6} is your Agents CRM sign-in code$/);
    expect(mail.from).toBe("no-reply@clinic.test");
    await screenshot(page, "login-code-entry");
    await page.keyboard.type(codeIn(mail.text));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/conversations$/, WAIT);
    await page.getByTestId("signed-in-user").waitFor(WAIT);
  });

  it("on a phone in Russian: a wrong code is refused in Russian, the mailed one signs in", async () => {
    const page = await newPage({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: "ru-RU",
    });
    await page.context().addCookies([{ name: "acrm_locale", value: "ru", url: product.webUrl }]);
    await page.goto(`${product.webUrl}/login`);
    await page.getByTestId("login-use-code").click();
    expect(await page.getByTestId("login-use-code").count()).toBe(0);
    expect(await page.getByTestId("login-use-password").textContent()).toBe("Войти по паролю");
    await screenshot(page, "login-code-phone-ru-request");

    const since = smtp.messages.length;
    await page.getByTestId("code-email").fill(adminEmail());
    await page.getByTestId("code-send").click();
    await page.getByTestId("code-sent").waitFor(WAIT);
    const mail = await smtp.nextTo(adminEmail(), { since });
    expect(mail.subject).toMatch(/^\d{6} — код для входа в Agents CRM$/);
    expect(mail.text).toContain("http://localhost:3000/login");
    const code = codeIn(mail.text);

    await page.getByTestId("code-input").fill(code === "000000" ? "111111" : "000000");
    await page.getByTestId("code-submit").click();
    await page.getByTestId("code-error").waitFor(WAIT);
    expect(await page.getByTestId("code-error").textContent()).toBe(
      "Код неверный или устарел. Проверьте последнее письмо или запросите новый код.",
    );
    // Nothing sticks out of a phone's width.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "login-code-phone-ru-wrong");

    await page.getByTestId("code-input").fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await page.getByTestId("code-submit").click();
    await page.waitForURL(/\/admin\/conversations$/, WAIT);
  });

  it("answers an address without an account exactly as one with, and mails nothing", async () => {
    const page = await newPage();
    await page.goto(`${product.webUrl}/login`);
    await page.getByTestId("login-email").fill("stranger@clinic.test");
    await page.getByTestId("login-use-code").click();
    // The e-mail typed for the password carries over.
    expect(await page.getByTestId("code-email").inputValue()).toBe("stranger@clinic.test");
    await page.getByTestId("code-send").click();
    await page.getByTestId("code-sent").waitFor(WAIT);
    expect(await page.getByTestId("code-sent").textContent()).toContain(
      "If stranger@clinic.test has an account",
    );
    await expect(smtp.nextTo("stranger@clinic.test", { timeoutMs: 1_500 })).rejects.toThrow(
      /no e-mail/,
    );
    await page.getByTestId("login-use-password").click();
    await page.getByTestId("login-password").waitFor(WAIT);
  });
});
