import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";
import { staffClient, type TrpcClient } from "./helpers/trpc";

const ADMIN_TOKEN = "e2e-customer-chat-admin-token-0123456789";
const STORAGE_KEY = "agents-crm:chat:demo_clinic";
const WAIT = { timeout: 30_000 };

let product: Product;
let browser: Browser;
let staff: TrpcClient;

beforeAll(async () => {
  product = await startProduct({ ADMIN_TOKEN });
  browser = await launchBrowser();
  // The administrator's side, as a machine caller of the real API.
  staff = staffClient(product.apiUrl, ADMIN_TOKEN);
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

const messages = (page: Page, role?: string) =>
  page.locator(`[data-testid="chat-message"]${role ? `[data-role="${role}"]` : ""}`);

async function send(page: Page, text: string) {
  await page.locator('[data-testid="composer-input"]').fill(text);
  await page.locator('[data-testid="composer-input"]').press("Enter");
}

/** Waits for the n-th stored agent reply (1-based) and returns its text. */
async function agentReply(page: Page, n: number) {
  const reply = page.locator('[data-testid="chat-message"][data-role="agent"][data-state="sent"]');
  await reply.nth(n - 1).waitFor(WAIT);
  return reply.nth(n - 1);
}

const storedSession = (page: Page) =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { conversationId: string; token: string }) : null;
  }, STORAGE_KEY);

describe("a customer chats with the demo agent", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it("opens the chat from the home page", async () => {
    await page.goto(product.webUrl);
    await page.locator('[data-agent-id="demo_clinic"]').click();
    await page.waitForURL(/\/chat\/demo_clinic$/);
    expect(await page.locator('[data-testid="chat-header"]').textContent()).toContain(
      "Dr. Elena Markova",
    );
    await page.locator('[data-testid="chat-empty"]').waitFor(WAIT);
    expect(await storedSession(page)).toBeNull();
  });

  it("handles Shift+Enter, long drafts and the character limit in the composer", async () => {
    const input = page.locator('[data-testid="composer-input"]');
    await input.click();
    await page.keyboard.type("line one");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("line two");
    expect(await input.inputValue()).toBe("line one\nline two");
    expect(await messages(page).count()).toBe(0);
    const height = (await input.boundingBox())?.height ?? 0;
    expect(height).toBeGreaterThan(50);

    await input.fill("x".repeat(10_001));
    expect(await page.locator('[data-testid="composer-counter"]').textContent()).toContain(
      "1 character too long",
    );
    expect(await page.locator('[data-testid="composer-send"]').isDisabled()).toBe(true);
    await input.fill("x".repeat(9_500));
    expect(await page.locator('[data-testid="composer-counter"]').textContent()).toMatch(
      /9,500 \/ 10,000/,
    );
    await input.fill("");
  });

  it("streams a reply from the knowledge base", async () => {
    await send(page, "What are your opening hours?");
    const reply = await agentReply(page, 1);
    const text = (await reply.textContent()) ?? "";
    expect(text).toMatch(/9:00/);
    expect(text).toMatch(/20:00/);
    // The stored message replaced text that had streamed in over the WebSocket.
    expect(await reply.getAttribute("data-streamed")).toBe("true");
    const mine = messages(page, "user");
    expect(await mine.count()).toBe(1);
    expect(await mine.first().getAttribute("data-state")).toBe("sent");
    expect(await mine.first().textContent()).toContain("What are your opening hours?");
    await page.locator('[data-testid="chat-connection"][data-state="live"]').waitFor(WAIT);
    expect((await storedSession(page))?.conversationId).toMatch(/\S/);
    await screenshot(page, "customer-chat");
  });

  it("resumes the same conversation after a reload", async () => {
    const before = await storedSession(page);
    await page.reload();
    await agentReply(page, 1);
    expect(await messages(page).count()).toBe(2);
    expect(await messages(page, "user").first().textContent()).toContain("opening hours");
    expect(await storedSession(page)).toEqual(before);
    await page.locator('[data-testid="chat-connection"][data-state="live"]').waitFor(WAIT);
  });

  it("hands over to an administrator when the customer leaves a phone number", async () => {
    await send(page, "Please call me at +971 50 123 4567");
    const reply = await agentReply(page, 2);
    expect(await reply.textContent()).toMatch(/administrator/i);
    const banner = page.locator('[data-testid="handoff-banner"]');
    await banner.waitFor(WAIT);
    expect(await banner.textContent()).toContain("An administrator will answer here");
    await screenshot(page, "customer-chat-handoff");
  });

  it("shows the administrator's reply live, then the AI again when it is back", async () => {
    const session = await storedSession(page);
    if (!session) throw new Error("no stored conversation");
    await staff.conversations.reply.mutate({
      conversationId: session.conversationId,
      content: "Hello, this is Anna from the clinic. I will call you in 5 minutes.",
    });
    const admin = messages(page, "admin");
    await admin.first().waitFor(WAIT);
    expect(await admin.first().textContent()).toContain("Sunrise Family Clinic team");
    expect(await admin.first().textContent()).toContain("I will call you in 5 minutes");
    await page.locator('[data-testid="handoff-banner"][data-status="HUMAN_ACTIVE"]').waitFor(WAIT);

    await staff.conversations.returnToAi.mutate({ conversationId: session.conversationId });
    await page.locator('[data-testid="ai-back"]').waitFor(WAIT);
    expect(await page.locator('[data-testid="handoff-banner"]').count()).toBe(0);
  });

  it("disables the composer when the conversation is closed and starts a new one on request", async () => {
    const session = await storedSession(page);
    if (!session) throw new Error("no stored conversation");
    await staff.conversations.close.mutate({ conversationId: session.conversationId });
    await page.locator('[data-testid="closed-note"]').waitFor(WAIT);
    expect(await page.locator('[data-testid="composer-input"]').isDisabled()).toBe(true);
    await screenshot(page, "customer-chat-closed");

    await page.locator('[data-testid="start-new"]').click();
    await page.locator('[data-testid="chat-empty"]').waitFor(WAIT);
    expect(await page.locator('[data-testid="composer-input"]').isDisabled()).toBe(false);
    expect(await storedSession(page)).toBeNull();
    await send(page, "Hello");
    await agentReply(page, 1);
    const fresh = await storedSession(page);
    expect(fresh?.conversationId).not.toBe(session.conversationId);
  });

  it("never shows another visitor's conversation", async () => {
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    await other.goto(`${product.webUrl}/chat/demo_clinic`);
    await other.locator('[data-testid="chat-empty"]').waitFor(WAIT);
    expect(await messages(other).count()).toBe(0);
    await stranger.close();
  });

  it("says plainly when an agent is not available", async () => {
    await page.goto(`${product.webUrl}/chat/no_such_agent`);
    await page.locator('[data-testid="agent-unavailable"]').waitFor(WAIT);
    expect(await page.locator('[data-testid="composer-input"]').count()).toBe(0);
  });
});

describe("when the connection drops", () => {
  it("reconnects by itself and shows what was said meanwhile", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let online = true;
    const sockets: WebSocketRoute[] = [];
    // Every WebSocket of the page goes through here: connected to the real server only while online.
    await page.routeWebSocket(/\/trpc$/, (socket) => {
      sockets.push(socket);
      if (online) socket.connectToServer();
    });
    await page.goto(`${product.webUrl}/chat/demo_clinic`);
    await send(page, "Hello");
    await agentReply(page, 1);
    const live = page.locator('[data-testid="chat-connection"][data-state="live"]');
    await live.waitFor(WAIT);
    const session = await storedSession(page);
    if (!session) throw new Error("no stored conversation");

    online = false;
    await sockets.at(-1)?.close();
    await page.locator('[data-testid="chat-connection"][data-state="reconnecting"]').waitFor(WAIT);
    await staff.conversations.reply.mutate({
      conversationId: session.conversationId,
      content: "Sorry for the wait, I am here now.",
    });
    await page.waitForTimeout(300);
    expect(await messages(page, "admin").count()).toBe(0);

    online = true;
    await sockets.at(-1)?.close();
    await messages(page, "admin").first().waitFor(WAIT);
    expect(await messages(page, "admin").first().textContent()).toContain("I am here now");
    await live.waitFor(WAIT);
    expect(await messages(page, "admin").count()).toBe(1);
    await context.close();
  });
});

describe("on a phone-sized screen", () => {
  it("fits 390×844 with the composer in view", async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await phone.newPage();
    await page.goto(`${product.webUrl}/chat/demo_clinic`);
    await page.locator('[data-testid="chat-empty"]').waitFor(WAIT);
    await send(page, "What are your opening hours?");
    await agentReply(page, 1);
    await send(page, "Please call me at +971 50 123 4567");
    await agentReply(page, 2);
    await page.locator('[data-testid="handoff-banner"]').waitFor(WAIT);
    const input = await page.locator('[data-testid="composer-input"]').boundingBox();
    expect(input && input.y + input.height).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, "customer-chat-phone");
    await phone.close();
  });
});

describe("the embeddable widget on a business's own site", () => {
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    const tag = `<script src="${product.webUrl}/widget.js" data-agent-id="demo_clinic" data-position="bottom-left" data-label="Questions? Chat with us" async></script>`;
    const html = (withTag: boolean) =>
      `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sunrise Family Clinic</title></head><body><h1>Welcome to Sunrise Family Clinic</h1><p>Our site.</p>${withTag ? tag : ""}</body></html>`;
    site = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html(req.url !== "/plain"));
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
  });

  it("adds one button, one global, and opens the chat that answers", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}/plain`);
    const plainGlobals = await page.evaluate(() => Object.keys(window));

    await page.goto(siteUrl);
    const button = page.locator("[data-agents-crm-widget] button");
    await button.waitFor(WAIT);
    expect(await button.textContent()).toBe("Questions? Chat with us");
    const added = (await page.evaluate(() => Object.keys(window))).filter(
      (key) => !plainGlobals.includes(key),
    );
    expect(added).toEqual(["AgentsCrmWidget"]);
    const box = await button.boundingBox();
    expect(box && box.x).toBeLessThan(100);
    expect(await page.locator("iframe").count()).toBe(0);

    await button.click();
    const iframe = page.locator("iframe");
    await iframe.waitFor(WAIT);
    expect(await iframe.getAttribute("src")).toBe(`${product.webUrl}/embed/demo_clinic`);
    const chat = page.frameLocator("iframe");
    await chat.locator('[data-testid="chat-empty"]').waitFor(WAIT);
    await chat.locator('[data-testid="composer-input"]').fill("What are your opening hours?");
    await chat.locator('[data-testid="composer-input"]').press("Enter");
    const reply = chat.locator(
      '[data-testid="chat-message"][data-role="agent"][data-state="sent"]',
    );
    await reply.first().waitFor(WAIT);
    expect(await reply.first().textContent()).toMatch(/9:00/);
    await screenshot(page, "widget-open");

    await page.keyboard.press("Escape");
    await page.locator("[data-agents-crm-widget] .panel").waitFor({ state: "hidden" });
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });

  it("covers a phone screen and closes from the chat's own button", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.locator("[data-agents-crm-widget] button").click();
    const chat = page.frameLocator("iframe");
    await chat.locator('[data-testid="chat-empty"]').waitFor(WAIT);
    const frame = await page.locator("iframe").boundingBox();
    expect(frame?.width).toBe(390);
    await screenshot(page, "widget-phone");
    await chat.getByRole("button", { name: "Close the chat" }).click();
    await page.locator("[data-agents-crm-widget] .panel").waitFor({ state: "hidden" });
    await context.close();
  });
});
