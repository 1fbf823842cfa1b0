import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../api/test/fakes/fake-graph";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";
import { staffClient, type TrpcClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-i18n-admin-token-0123456789abcdef";
const APP_SECRET = "e2e-i18n-instagram-app-secret";
const IG_ACCOUNT = "17841400000000777";
const IG_USER = "IGSID-e2e-maria";
// A picture the browser can show without any network: the profile's URL is whatever Graph returns.
const PICTURE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="56"><rect width="56" height="56" fill="#c0587e"/><circle cx="28" cy="22" r="10" fill="#fff"/><rect x="12" y="36" width="32" height="16" rx="8" fill="#fff"/></svg>',
)}`;

let product: Product;
let graph: FakeGraph;
let browser: Browser;
let staff: TrpcClient;
let site: Server | null = null;

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.addInstagramAccount(IG_ACCOUNT, "IGQWR-e2e-token");
  graph.addInstagramUser({
    igsid: IG_USER,
    name: "Maria Lopez",
    username: "maria.smiles",
    profilePic: PICTURE,
  });
  product = await startProduct({
    ADMIN_TOKEN,
    INSTAGRAM_APP_SECRET: APP_SECRET,
    INSTAGRAM_GRAPH_BASE_URL: graph.url,
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();
  staff = staffClient(product.apiUrl, ADMIN_TOKEN);
});

afterAll(async () => {
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  await browser?.close();
  await product?.stop();
  await graph?.close();
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function signIn(page: Page) {
  const login = product.login as { email: string; password: string };
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/admin\/conversations/, WAIT);
}

describe("English and Russian", () => {
  it("gives a browser that prefers Russian the Russian page on first paint", async () => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    const response = await page.goto(product.webUrl);
    // The server's HTML itself, before any script ran.
    const html = (await response?.text()) ?? "";
    expect(html).toMatch(/<html lang="ru"/);
    expect(html).toContain("Поговорите с нашими ассистентами");
    await page.getByText("Начать чат →").first().waitFor(WAIT);
    expect(await page.getByTestId("language-switcher").inputValue()).toBe("ru");
    await context.close();
  });

  it("switches the customer chat to Russian, keeps it after a reload, and leaves replies as written", async () => {
    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${product.webUrl}/chat/demo_clinic`);
    const input = page.getByTestId("composer-input");
    await input.waitFor(WAIT);
    expect(await input.getAttribute("placeholder")).toBe("Write a message…");
    expect(await htmlLang(page)).toBe("en");

    await page.getByTestId("language-switcher").selectOption("ru");
    await expect.poll(() => input.getAttribute("placeholder"), WAIT).toBe("Напишите сообщение…");
    expect(await htmlLang(page)).toBe("ru");
    expect(await page.getByTestId("chat-empty").textContent()).toContain("Задайте вопрос");

    await input.fill("What are your opening hours?");
    await input.press("Enter");
    const reply = page.locator(
      '[data-testid="chat-message"][data-role="agent"][data-state="sent"]',
    );
    await reply.first().waitFor(WAIT);
    // The agent answers in its own words; only the page around it is translated.
    expect(await reply.first().textContent()).toMatch(/9:00/);

    await page.reload();
    await input.waitFor(WAIT);
    expect(await input.getAttribute("placeholder")).toBe("Напишите сообщение…");
    expect(await htmlLang(page)).toBe("ru");
    await reply.first().waitFor(WAIT);
    expect(await page.getByTestId("composer-send").textContent()).toBe("Отправить");
    await screenshot(page, "chat-ru");
    await context.close();
  });

  it("opens the widget's frame in the language of its data-lang, over the visitor's saved choice", async () => {
    const tag = `<script src="${product.webUrl}/widget.js" data-agent-id="demo_clinic" data-lang="ru" async></script>`;
    site = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html><head><title>Клиника</title></head><body>${tag}</body></html>`);
    });
    await new Promise<void>((resolve) => site?.listen(0, "127.0.0.1", resolve));
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const context = await browser.newContext({ locale: "en-US" });
    await context.addCookies([{ name: "acrm_locale", value: "en", url: product.webUrl }]);
    const page = await context.newPage();
    await page.goto(siteUrl);
    const button = page.locator("[data-agents-crm-widget] button");
    await button.waitFor(WAIT);
    expect(await button.textContent()).toBe("Напишите нам");
    await button.click();
    const iframe = page.locator("iframe");
    await iframe.waitFor(WAIT);
    expect(await iframe.getAttribute("src")).toBe(`${product.webUrl}/embed/demo_clinic?lang=ru`);
    const chat = page.frameLocator("iframe");
    await chat.locator('[data-testid="chat-empty"]').waitFor(WAIT);
    expect(await chat.locator('[data-testid="composer-input"]').getAttribute("placeholder")).toBe(
      "Напишите сообщение…",
    );
    expect(await chat.locator("html").getAttribute("lang")).toBe("ru");

    // The same frame without data-lang follows the saved choice.
    const plain = await context.newPage();
    await plain.goto(`${product.webUrl}/embed/demo_clinic`);
    await plain.getByTestId("composer-input").waitFor(WAIT);
    expect(await plain.getByTestId("composer-input").getAttribute("placeholder")).toBe(
      "Write a message…",
    );
    await context.close();
  });

  it("switches the admin console to Russian and keeps it after a reload", async () => {
    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${product.webUrl}/login`);
    await page.getByRole("heading", { name: "Sign in to the console" }).waitFor(WAIT);
    await signIn(page);
    await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
    await page.getByRole("heading", { name: "Conversations" }).waitFor(WAIT);

    await page.getByTestId("language-switcher").selectOption("ru");
    await page.getByRole("heading", { name: "Диалоги" }).waitFor(WAIT);
    expect(await htmlLang(page)).toBe("ru");
    const nav = page.getByRole("navigation", { name: "Консоль" });
    expect(await nav.getByRole("link", { name: "Воронка" }).count()).toBe(1);
    expect(await page.getByTestId("count-AI_ACTIVE").textContent()).toContain("Отвечает ИИ");
    expect(await page.getByTestId("signed-in-role").textContent()).toBe("Владелец");

    await page.reload();
    await page.getByRole("heading", { name: "Диалоги" }).waitFor(WAIT);
    expect(await htmlLang(page)).toBe("ru");
    expect(await page.getByTestId("logout").textContent()).toBe("Выйти");
    // The web chat conversation of the test before, counted exactly and named in Russian.
    await expect
      .poll(() => page.getByTestId("count-AI_ACTIVE-value").textContent(), WAIT)
      .toBe("1");
    await page.getByTestId("conversation-row").first().waitFor(WAIT);
    expect(await page.getByTestId("status-badge").first().textContent()).toBe("Отвечает ИИ");
    await screenshot(page, "admin-conversations-ru");

    // And back: the next visitor of this browser gets English again.
    await page.getByTestId("language-switcher").selectOption("en");
    await page.getByRole("heading", { name: "Conversations" }).waitFor(WAIT);
    expect(await htmlLang(page)).toBe("en");
    await context.close();
  });

  it("shows an Instagram customer's profile: picture, name, username, ids and the phone given", async () => {
    await staff.bindings.create.mutate({
      agentId: "demo_clinic",
      channelType: "instagram",
      channelAccountId: IG_ACCOUNT,
      accessToken: "IGQWR-e2e-token",
    });
    const body = JSON.stringify({
      object: "instagram",
      entry: [
        {
          id: IG_ACCOUNT,
          time: Date.now(),
          messaging: [
            {
              sender: { id: IG_USER },
              recipient: { id: IG_ACCOUNT },
              timestamp: Date.now(),
              message: { mid: "m_e2e_profile_1", text: "Please call me at +1 415 555 2671" },
            },
          ],
        },
      ],
    });
    const signature = `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}`;
    const posted = await fetch(`${product.apiUrl}/api/v1/instagram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      body,
    });
    expect(posted.status).toBe(200);

    let conversationId = "";
    await expect
      .poll(async () => {
        const page = await staff.conversations.list.query({ channel: "instagram" });
        conversationId = page.items[0]?.conversationId ?? "";
        if (!conversationId) return null;
        const details = await staff.conversations.byId.query({ conversationId });
        return details.instagramProfile?.username ?? null;
      }, WAIT)
      .toBe("maria.smiles");

    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${product.webUrl}/admin/conversations/${conversationId}`);
    await signIn(page);
    const card = page.getByTestId("customer-profile");
    await card.waitFor(WAIT);
    expect(await card.getByTestId("profile-name").textContent()).toBe("Maria Lopez");
    expect(await card.getByTestId("profile-username").textContent()).toBe("@maria.smiles");
    expect(await card.getByTestId("profile-picture").getAttribute("src")).toBe(PICTURE);
    expect(await card.getByTestId("info-channel").textContent()).toBe("Instagram");
    expect(await card.getByTestId("info-external-user").textContent()).toBe(IG_USER);
    await expect
      .poll(() => card.getByTestId("profile-phones").textContent(), WAIT)
      .toContain("+14155552671");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Maria Lopez");
    await screenshot(page, "conversation-profile");

    // The inbox row names the customer and shows the picture too.
    await page.getByRole("link", { name: "← Conversations" }).click();
    const row = page.locator(
      `[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`,
    );
    await row.waitFor(WAIT);
    // The row's own link and its "Open contact" link both name her.
    expect(await row.getByRole("link", { name: /Maria Lopez/ }).count()).toBeGreaterThanOrEqual(1);
    expect(await row.getByTestId("profile-picture").getAttribute("src")).toBe(PICTURE);
    await context.close();
  });
});
