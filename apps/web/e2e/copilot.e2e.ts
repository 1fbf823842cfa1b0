import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startFakeOpenAI,
  type FakeChatReply,
  type FakeChatRequest,
  type FakeOpenAI,
} from "../../../packages/ai/src/testing";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const CUSTOMER_MESSAGE = "Hallo! Was kostet eine professionelle Zahnreinigung?";
const SUGGESTION =
  "Hallo! Eine professionelle Zahnreinigung kostet bei uns 80 EUR. Möchten Sie einen Termin?";
const STAFF_DRAFT = "You can come on Friday at 10.";
const GERMAN_DRAFT = "Sie können am Freitag um 10 Uhr kommen.";

/** The model behind the product: the customer's turns, the copilot's drafts and its translations. */
function responder(request: FakeChatRequest): FakeChatReply {
  const format = request.responseFormat;
  if (format?.type === "json_schema" && format.name === "translation") {
    const prompt = request.lastUserMessage;
    if (prompt.includes("Target language: ru.")) {
      return {
        json: {
          source_language: "de",
          target_language: "ru",
          translation: "Здравствуйте! Сколько стоит профессиональная чистка зубов?",
        },
      };
    }
    if (prompt.includes("Target language: en.")) {
      return {
        json: {
          source_language: "de",
          target_language: "en",
          translation: "Hello! How much is a professional teeth cleaning?",
        },
      };
    }
    return { json: { source_language: "en", target_language: "de", translation: GERMAN_DRAFT } };
  }
  if (format?.type === "json_schema") {
    return {
      json: {
        reply: "Ein Kollege meldet sich gleich.",
        escalation: { needed: false, type: "none", reason: "", confidence: 0.9 },
        sources_used: [],
      },
    };
  }
  // The copilot: a plain-text stream, word by word.
  return { content: SUGGESTION };
}

let fake: FakeOpenAI;
let product: Product;
let browser: Browser;
let conversationId = "";

async function customerWrites(webUrl: string, content: string): Promise<string> {
  const customer = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${webUrl}/trpc`, transformer: superjson })],
  });
  const chat = await customer.chat.start.mutate({ agentId: AGENT });
  await customer.chat.send.mutate({ ...chat, content });
  return chat.conversationId;
}

async function signIn(page: Page, target: string) {
  const login = product.login as { email: string; password: string };
  await page.goto(`${product.webUrl}/login?next=${encodeURIComponent(target)}`);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(target.replace(/\//g, "\\/")), WAIT);
}

const reply = (page: Page) => page.getByTestId("admin-reply");
const chatCalls = (kind: "stream" | "translation") =>
  fake.requests.filter(
    (r) =>
      r.chat &&
      (kind === "stream"
        ? r.chat.stream && r.chat.responseFormat === null
        : r.chat.responseFormat?.type === "json_schema" &&
          r.chat.responseFormat.name === "translation"),
  );

describe("the staff copilot with a model (the fake OpenAI server)", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeOpenAI({
      responder,
      latencyMs: { chat: 300 },
      spreadStreamLatency: true,
    });
    product = await startProduct({
      OPENAI_API_KEY: "sk-e2e-copilot",
      OPENAI_BASE_URL: fake.url,
      RATE_LIMIT_PER_MINUTE: "2000",
    });
    browser = await launchBrowser();
    conversationId = await customerWrites(product.webUrl, CUSTOMER_MESSAGE);
    context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await fake?.close();
  });

  it("translates a customer's message into the staff member's language, under the original", async () => {
    await signIn(page, `/admin/conversations/${conversationId}`);
    const customer = page.locator('[data-testid="message-user"]').first();
    await customer.getByText(CUSTOMER_MESSAGE).waitFor(WAIT);
    await customer.getByTestId("translate-message").click();
    const translation = customer.getByTestId("translation");
    await translation.waitFor(WAIT);
    expect(await translation.textContent()).toContain(
      "Hello! How much is a professional teeth cleaning?",
    );
    expect(await translation.textContent()).toContain("Translation from German");
    expect(await customer.getByTestId("translate-message").textContent()).toBe("Hide translation");
    await screenshot(page, "copilot-translated-message");
  });

  it("streams a suggested reply into the composer from the keyboard, and sends nothing", async () => {
    const box = reply(page);
    await box.focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "copilot-suggest",
    );
    const before = await page.locator('[data-testid="message-admin"]').count();
    await page.keyboard.press("Enter");
    await page.getByTestId("copilot-stop").waitFor(WAIT);
    await screenshot(page, "copilot-suggesting");
    await expect.poll(() => box.inputValue(), WAIT).toBe(SUGGESTION);
    await page.getByTestId("copilot-suggest").waitFor(WAIT);
    expect(await page.getByTestId("copilot-notice").textContent()).toContain("Nothing was sent");
    expect(await box.getAttribute("readonly")).toBeNull();
    await screenshot(page, "copilot-suggested");

    const [call] = chatCalls("stream");
    const prompt = call?.chat?.messages.map((m) => m.content).join("\n") ?? "";
    expect(prompt).toContain(CUSTOMER_MESSAGE);
    expect(prompt).toContain("Ein Kollege meldet sich gleich.");
    expect(await page.locator('[data-testid="message-admin"]').count()).toBe(before);
  });

  it("translates the staff's draft into the customer's language for review, with an undo, then sends it", async () => {
    const box = reply(page);
    await box.fill(STAFF_DRAFT);
    const translate = page.getByTestId("copilot-translate");
    // The message translation told the console which language the customer writes.
    expect(await translate.textContent()).toBe("Translate to German");
    await translate.click();
    await expect.poll(() => box.inputValue(), WAIT).toBe(GERMAN_DRAFT);
    expect(await page.getByTestId("copilot-notice").textContent()).toContain(
      "Translated to German",
    );
    await screenshot(page, "copilot-translated-draft");
    expect(chatCalls("translation").at(-1)?.chat?.lastUserMessage).toContain(CUSTOMER_MESSAGE);

    await page.getByTestId("copilot-undo").click();
    expect(await box.inputValue()).toBe(STAFF_DRAFT);
    await translate.click();
    await expect.poll(() => box.inputValue(), WAIT).toBe(GERMAN_DRAFT);
    await page.getByTestId("admin-send").click();
    await page.locator('[data-testid="message-admin"]').getByText(GERMAN_DRAFT).waitFor(WAIT);
    await expect.poll(() => box.inputValue(), WAIT).toBe("");
  });

  it("works in Russian on a phone-sized screen", async () => {
    const phone = await browser.newContext({
      locale: "ru-RU",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await signIn(mobile, `/admin/conversations/${conversationId}`);
    const customer = mobile.locator('[data-testid="message-user"]').first();
    await customer.getByTestId("translate-message").click();
    await customer.getByTestId("translation").waitFor(WAIT);
    expect(await customer.getByTestId("translation").textContent()).toContain(
      "Здравствуйте! Сколько стоит",
    );
    expect(await mobile.getByTestId("copilot-translate").textContent()).toBe("Перевести: немецкий");
    await mobile.getByTestId("copilot-suggest").click();
    await expect.poll(() => reply(mobile).inputValue(), WAIT).toBe(SUGGESTION);
    await expect
      .poll(() => mobile.getByTestId("copilot-notice").textContent(), WAIT)
      .toContain("Ничего не отправлено");
    const overflow = await mobile.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(mobile, "copilot-phone-ru");
    await phone.close();
  });
});

describe("the staff copilot offline (no model configured)", () => {
  let offline: Product;
  let page: Page;

  beforeAll(async () => {
    offline = await startProduct({ RATE_LIMIT_PER_MINUTE: "2000" });
    browser = await launchBrowser();
    product = offline;
    conversationId = await customerWrites(offline.webUrl, "Where can I park near the clinic?");
    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await offline?.stop();
  });

  it("drafts with the offline model and says so; translation explains that it needs a model", async () => {
    await signIn(page, `/admin/conversations/${conversationId}`);
    await page.getByTestId("copilot-offline-hint").waitFor(WAIT);
    await page.getByTestId("copilot-suggest").click();
    await expect.poll(async () => (await reply(page).inputValue()).length, WAIT).toBeGreaterThan(0);
    await page.getByTestId("copilot-suggest").waitFor(WAIT);
    expect(await page.getByTestId("copilot-notice").textContent()).toContain("offline model");

    await page.getByTestId("copilot-translate").click();
    await page.getByText("Translation needs a configured model").first().waitFor(WAIT);
    const customer = page.locator('[data-testid="message-user"]').first();
    await customer.getByTestId("translate-message").click();
    await customer.getByTestId("translation-error").waitFor(WAIT);
    await screenshot(page, "copilot-offline");
  });
});
