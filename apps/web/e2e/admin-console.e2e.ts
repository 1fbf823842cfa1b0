import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import type { Browser, BrowserContext, Page, WebSocketRoute } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";

let product: Product;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let customer: ReturnType<typeof createTRPCClient<AppRouter>>;
let closeCustomerSocket: () => void = () => undefined;
let chat: { conversationId: string; token: string };
const customerEvents: { type: string; payload: unknown }[] = [];
const setStageCalls: string[] = [];
let listReads = 0;
// The console's WebSockets, routed through Playwright so the test can cut them and hold back the
// reconnection (a slow network): the held socket's messages reach the API only when released.
const consoleSockets = new Set<WebSocketRoute>();
let holdNewSockets = false;
const releaseHeld: (() => void)[] = [];

beforeAll(async () => {
  // Every call reaches the API from the web server's address; a roomy limit keeps the journey about the UI.
  product = await startProduct({ RATE_LIMIT_PER_MINUTE: "2000" });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["notifications"], { origin: product.webUrl });
  // Records the system notifications the console raises (headless Chromium shows none).
  await context.addInitScript(() => {
    const shown: string[] = [];
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(title);
      }
    }
    Object.assign(window, { Notification: Recorded, __notifications: shown });
  });
  page = await context.newPage();
  await page.routeWebSocket(/\/trpc(\?|$)/, (socket) => {
    const server = socket.connectToServer();
    consoleSockets.add(socket);
    socket.onClose(() => consoleSockets.delete(socket));
    if (!holdNewSockets) return;
    const queue: (string | Buffer)[] = [];
    let released = false;
    socket.onMessage((message) => (released ? server.send(message) : queue.push(message)));
    releaseHeld.push(() => {
      released = true;
      for (const message of queue.splice(0)) server.send(message);
    });
  });
  page.on("request", (request) => {
    if (request.url().includes("conversations.setStage")) setStageCalls.push(request.url());
    if (request.url().includes("conversations.list")) listReads++;
  });
  // The customer side, through the web origin like a browser: HTTP for calls, the WebSocket for events.
  const ws = createWSClient({
    url: `${product.webUrl.replace(/^http/, "ws")}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  closeCustomerSocket = () => void ws.close();
  customer = createTRPCClient<AppRouter>({
    links: [
      (runtime) => {
        const http = httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })(runtime);
        const live = wsLink<AppRouter>({ client: ws, transformer: superjson })(runtime);
        return (ctx) => (ctx.op.type === "subscription" ? live(ctx) : http(ctx));
      },
    ],
  });
});

afterAll(async () => {
  closeCustomerSocket();
  await browser?.close();
  await product?.stop();
});

const row = (conversationId: string) =>
  page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);

/** `path` as a Russian-speaking operator sees it on a phone (a page of its own, so this one stays English). */
async function russianPhoneScreenshot(path: string, ready: string, name: string) {
  await context.addCookies([{ name: "acrm_locale", value: "ru", url: product.webUrl }]);
  const russian = await context.newPage();
  try {
    await russian.setViewportSize({ width: 390, height: 844 });
    await russian.goto(`${product.webUrl}${path}`);
    await russian.getByTestId(ready).first().waitFor(WAIT);
    await screenshot(russian, name);
    return russian.getByTestId(ready).first().textContent();
  } finally {
    await russian.close();
    await context.addCookies([{ name: "acrm_locale", value: "en", url: product.webUrl }]);
  }
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the admin console", () => {
  it("sends an anonymous visitor to sign in, then back where they were going", async () => {
    expect(product.login).not.toBeNull();
    const login = product.login as { email: string; password: string };
    await page.goto(`${product.webUrl}/admin/conversations?status=NEEDS_HUMAN`);
    await page.waitForURL(/\/login\?next=/, WAIT);
    expect(new URL(page.url()).searchParams.get("next")).toBe(
      "/admin/conversations?status=NEEDS_HUMAN",
    );

    const submit = page.getByTestId("login-submit");
    const attempt = async () => {
      await Promise.all([
        page.waitForResponse((response) => response.url().includes("auth.login")),
        submit.click(),
      ]);
    };
    await page.getByTestId("login-email").fill("someone-else@example.com");
    for (let i = 0; i < 5; i++) {
      await page.getByTestId("login-password").fill(`guess-${i}`);
      await attempt();
      await page.getByTestId("login-error").getByText("Invalid email or password").waitFor(WAIT);
    }
    await page.getByTestId("login-password").fill("guess-5");
    await attempt();
    await page.getByTestId("login-error").getByText("Too many sign-in attempts").waitFor(WAIT);
    expect(await page.getByTestId("login-error").textContent()).toMatch(
      /Try again in 1[45]:\d\d\./,
    );
    expect(await submit.isDisabled()).toBe(true);

    await page.getByTestId("login-email").fill(login.email);
    await page.getByTestId("login-password").fill("not-the-password");
    await page.getByTestId("login-submit").click();
    await expect
      .poll(() => page.getByTestId("login-error").textContent(), WAIT)
      .toContain("Invalid email or password");
    await screenshot(page, "admin-login");

    await page.getByTestId("login-password").fill(login.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/admin\/conversations\?status=NEEDS_HUMAN$/, WAIT);
    await page.getByTestId("signed-in-user").waitFor(WAIT);
    expect(await page.getByTestId("signed-in-role").textContent()).toBe("Owner");
    await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
    await page.getByTestId("inbox-empty").waitFor(WAIT);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.waitForURL(/\/admin\/conversations$/, WAIT);
  });

  it("shows a new conversation and its escalation live, with the needs-human counter", async () => {
    // Marks this page load: if the list reloaded the page, the mark would be gone.
    await page.evaluate(() => Object.assign(window, { __sameLoad: true }));
    // Counters are exact server counts, read once the console is live.
    await expect
      .poll(() => page.getByTestId("count-NEEDS_HUMAN-value").textContent(), WAIT)
      .toBe("0");

    const readsBefore = listReads;
    chat = await customer.chat.start.mutate({ agentId: AGENT });
    await row(chat.conversationId).waitFor(WAIT);
    const first = await customer.chat.send.mutate({
      ...chat,
      content: "Hello, what are your opening hours?",
    });
    expect(first.status).toBe("AI_ACTIVE");

    const escalated = await customer.chat.send.mutate({
      ...chat,
      content: "Please call me back at +1 415 555 2671",
    });
    expect(escalated.status).toBe("NEEDS_HUMAN");
    await page
      .locator(
        `[data-testid="conversation-row"][data-status="NEEDS_HUMAN"][data-conversation-id="${chat.conversationId}"]`,
      )
      .waitFor(WAIT);
    expect(
      await page
        .locator('[data-testid="conversation-row"]')
        .first()
        .getAttribute("data-conversation-id"),
    ).toBe(chat.conversationId);
    await expect
      .poll(() => page.getByTestId("count-NEEDS_HUMAN-value").textContent(), WAIT)
      .toBe("1");
    await expect.poll(() => page.getByTestId("nav-needs-human").textContent(), WAIT).toBe("1");
    await page
      .getByTestId("escalation-toasts")
      .getByText("A conversation needs a human")
      .waitFor(WAIT);
    expect(
      await page.evaluate(
        () => (window as unknown as { __notifications: string[] }).__notifications,
      ),
    ).toEqual(["A conversation needs a human"]);
    // The handoff summary: in the row and in the alert, in the console's language.
    const summary = "Wants: “Please call me back at +1 415 555 2671”";
    const rowSummary = await row(chat.conversationId)
      .getByTestId("row-handoff-summary")
      .innerText();
    expect(rowSummary).toContain(summary);
    expect(rowSummary).toContain("Contacts: +14155552671");
    const toastSummary = await page.getByTestId("toast-summary").allTextContents();
    expect(toastSummary).toContain(summary);
    expect(toastSummary.join(" ")).toContain("Contacts: +14155552671");
    expect(await row(chat.conversationId).getByTestId("waiting-since").textContent()).toMatch(
      /^Waiting /,
    );
    expect(await row(chat.conversationId).getByTestId("status-badge").textContent()).toBe(
      "Needs human",
    );
    expect(
      await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad),
    ).toBe(true);
    // Everything above came over the WebSocket: the list was not read again.
    expect(listReads).toBe(readsBefore);
    await screenshot(page, "admin-conversations");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "admin-conversations-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    const russianRow = await russianPhoneScreenshot(
      "/admin/conversations",
      "row-handoff-summary",
      "admin-conversations-summary-phone-ru",
    );
    expect(russianRow).toContain("Хочет: “Please call me back at +1 415 555 2671”");
    expect(russianRow).toContain("Контакты: +14155552671");
  });

  it("takes over from the list and replies; the customer sees the reply", async () => {
    const history = await customer.chat.history.query({ ...chat });
    const subscription = customer.chat.onEvent.subscribe(
      { ...chat, lastEventId: history.eventCursor },
      { onData: (item) => customerEvents.push(item.data) },
    );

    await row(chat.conversationId).getByTestId("take-over").click();
    await page.getByTestId("confirm").click();
    await page.waitForURL(new RegExp(`/admin/conversations/${chat.conversationId}$`), WAIT);
    await page
      .locator('[data-testid="conversation-detail"][data-status="HUMAN_ACTIVE"]')
      .waitFor(WAIT);
    await page.getByTestId("escalation-badge").first().waitFor(WAIT);
    // Taking it over answers the alert.
    await expect
      .poll(() => page.getByTestId("escalation-toasts").locator("a").count(), WAIT)
      .toBe(0);
    expect(await page.getByTestId("message-user").count()).toBe(2);
    expect(await page.getByTestId("handoff-summary").innerText()).toContain(
      "Wants: “Please call me back at +1 415 555 2671”",
    );
    const russianHeader = await russianPhoneScreenshot(
      `/admin/conversations/${chat.conversationId}`,
      "handoff-summary",
      "admin-conversation-summary-phone-ru",
    );
    expect(russianHeader).toContain("Контакты: +14155552671");

    const reply = "Hi, this is the clinic. We will call you in five minutes.";
    await page.getByTestId("admin-reply").fill(reply);
    await page.getByTestId("admin-reply").press("Enter");
    const bubble = page.getByTestId("message-admin").filter({ hasText: reply });
    await bubble.waitFor(WAIT);
    expect(await bubble.getByTestId("message-author").textContent()).not.toBe("Staff");
    expect(await page.getByTestId("admin-reply").inputValue()).toBe("");

    await until(
      async () =>
        (await customer.chat.history.query({ ...chat })).items.some(
          (m) => m.role === "admin" && m.content === reply,
        ),
      "the reply in the customer's history",
    );
    await until(
      async () =>
        customerEvents.some(
          (e) =>
            e.type === "message" &&
            (e.payload as { message: { content: string } }).message.content === reply,
        ),
      "the reply on the customer's live feed",
    );
    subscription.unsubscribe();
  });

  it("returns the conversation to the AI", async () => {
    await page.getByTestId("action-return").click();
    await page
      .locator('[data-testid="conversation-detail"][data-status="AI_ACTIVE"]')
      .waitFor(WAIT);
    await page.getByTestId("action-handoff").waitFor(WAIT);
    await expect.poll(() => page.getByTestId("nav-needs-human").count(), WAIT).toBe(0);
  });

  it("moves the stage to Booked, then Rejected with a reason saved once", async () => {
    await page.getByTestId("stage-select").selectOption("BOOKED");
    await until(async () => setStageCalls.length === 1, "the Booked save");
    // Booked is a final stage: resolving is offered, and declined here.
    await page.getByTestId("offer-resolve").getByRole("button", { name: "Not now" }).click();
    await page.getByTestId("stage-select").selectOption("REJECTED");
    await page.getByTestId("stage-reason-form").waitFor(WAIT);
    await page.getByTestId("stage-reason").pressSequentially("Chose another clinic", { delay: 10 });
    expect(setStageCalls).toHaveLength(1);
    await page.getByTestId("stage-reason-save").click();
    await page.getByTestId("stage-reason-text").waitFor(WAIT);
    expect(await page.getByTestId("stage-reason-text").textContent()).toBe("Chose another clinic");
    expect(setStageCalls).toHaveLength(2);
    await page.getByTestId("offer-resolve").getByRole("button", { name: "Not now" }).click();
    expect(await page.getByTestId("stage-select").inputValue()).toBe("REJECTED");
    await screenshot(page, "admin-conversation-detail");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "admin-conversation-detail-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("shows that it is reconnecting, then catches up on what it missed", async () => {
    holdNewSockets = true;
    for (const socket of consoleSockets) await socket.close();
    await page.locator('[data-testid="admin-live"][data-state="reconnecting"]').waitFor(WAIT);
    const missed = "Are you still there?";
    await customer.chat.send.mutate({ ...chat, content: missed });
    holdNewSockets = false;
    await until(async () => releaseHeld.length > 0, "the reconnection attempt");
    for (const release of releaseHeld.splice(0)) release();
    await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
    await page.getByTestId("message-user").filter({ hasText: missed }).waitFor(WAIT);
  });

  it("pages with Load more and narrows by search", async () => {
    for (let i = 0; i < 50; i++) await customer.chat.start.mutate({ agentId: AGENT });
    await page.goto(`${product.webUrl}/admin/conversations`);
    const rows = page.getByTestId("conversation-row");
    await expect.poll(() => rows.count(), WAIT).toBe(50);
    await page.getByTestId("load-more").click();
    await expect.poll(() => rows.count(), WAIT).toBe(51);
    expect(await page.getByTestId("load-more").count()).toBe(0);

    // The short id the rows show (its last 6 characters), as a receptionist would type it.
    await page.getByTestId("filter-search").fill(`#${chat.conversationId.slice(-6)}`);
    await page.waitForURL(/search=/, WAIT);
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    expect(await rows.first().getAttribute("data-conversation-id")).toBe(chat.conversationId);
    await page.getByTestId("filter-channel").selectOption("telegram");
    await page.getByTestId("inbox-empty").waitFor(WAIT);
  });

  it("remembers muted alerts and signs out", async () => {
    await page.getByTestId("alerts-toggle").click();
    expect(await page.getByTestId("alerts-toggle").textContent()).toBe("Alerts muted");
    await page.reload();
    await page.getByTestId("alerts-toggle").waitFor(WAIT);
    expect(await page.getByTestId("alerts-toggle").textContent()).toBe("Alerts muted");

    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login$/, WAIT);
    await page.goto(`${product.webUrl}/admin/conversations/${chat.conversationId}`);
    await page.waitForURL(/\/login\?next=/, WAIT);
  });
});
