import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { ARTIFACTS, launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";

let product: Product;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct({ RATE_LIMIT_PER_MINUTE: "2000" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

async function signedIn(context: BrowserContext, next: string): Promise<Page> {
  const login = product.login as { email: string; password: string };
  const page = await context.newPage();
  await page.goto(`${product.webUrl}${next}`);
  await page.waitForURL(/\/login\?next=/, WAIT);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0], WAIT);
  return page;
}

describe("the clinical safety net in the console", () => {
  it("hands a medication question over in the playground, naming the category and its words", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signedIn(context, `/admin/agents/${AGENT}?tab=playground`);
    await page.getByTestId("agent-playground").waitFor(WAIT);
    await page.getByTestId("playground-input").fill("Can I take ibuprofen for the pain? How much?");
    await page.getByTestId("playground-input").press("Enter");
    const decision = page.getByTestId("playground-decision").first();
    await decision.waitFor(WAIT);
    expect(await decision.getByTestId("decision-type").textContent()).toBe("medical");
    const triggers = await decision.getByTestId("decision-triggers").textContent();
    expect(triggers).toContain("Safety net · medication: “ibuprofen”, “can i take”, “how much”");
    expect(triggers).toContain("Safety net · symptoms: “pain”");
    await decision.scrollIntoViewIfNeeded();
    await screenshot(page, "admin-playground-safety-net");
    await context.close();
  });

  it("on a phone in Russian: switching a category off warns in the step and in the review", async () => {
    const context = await browser.newContext({
      locale: "ru-RU",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addCookies([{ name: "acrm_locale", value: "ru", url: product.webUrl }]);
    const page = await signedIn(context, `/admin/agents/${AGENT}`);
    await page.getByTestId("step-escalation").click();
    const net = page.getByTestId("safety-net");
    await net.waitFor(WAIT);
    expect(await net.locator("legend").textContent()).toBe("Встроенная проверка безопасности");
    const abuse = net.locator("details").filter({ hasText: "Оскорбления и угрозы" });
    await abuse.locator("summary").click();
    const enabled = page.getByTestId("field-escalation.safety_net.categories.abuse.enabled");
    expect(await enabled.isChecked()).toBe(true);
    await enabled.press("Space");
    await page.getByTestId("safety-net-off-abuse").waitFor(WAIT);
    expect(await abuse.locator("summary").textContent()).toContain("выключено");
    await abuse.scrollIntoViewIfNeeded();
    await screenshot(page, "admin-agent-safety-net-ru-phone");
    await net.screenshot({ path: join(ARTIFACTS, "admin-agent-safety-net-section-ru-phone.png") });

    await page.getByTestId("step-review").click();
    const summary = page.getByTestId("review-safety-net");
    await summary.waitFor(WAIT);
    expect(await summary.textContent()).toBe("выключено: Оскорбления и угрозы");
    expect(await page.getByTestId("review-warnings").textContent()).toContain(
      "escalation.safety_net.categories.abuse.enabled is false",
    );
    await page.getByTestId("review-warnings").scrollIntoViewIfNeeded();
    // The warning names a long config path: it wraps instead of widening the page past the phone.
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, "admin-agent-safety-net-review-ru-phone");
    await context.close();
  });
});
