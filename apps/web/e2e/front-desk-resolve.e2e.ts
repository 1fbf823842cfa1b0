import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const ADMIN_TOKEN = "e2e-resolve-admin-token-0123456789abc";

let product: Product;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let customer: ReturnType<typeof createTRPCClient<AppRouter>>;
let staff: ReturnType<typeof createTRPCClient<AppRouter>>;
type Chat = { conversationId: string; token: string };
const waiting: Chat[] = [];

beforeAll(async () => {
  product = await startProduct({ RATE_LIMIT_PER_MINUTE: "2000", ADMIN_TOKEN });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  page = await context.newPage();
  const client = (headers: Record<string, string>) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson, headers })],
    });
  customer = client({});
  staff = client({ authorization: `Bearer ${ADMIN_TOKEN}` });
  // Three customers who shared a phone number: the rules hand each to a human.
  for (const phone of ["+1 415 555 0101", "+1 415 555 0102", "+1 415 555 0103"]) {
    const chat = await customer.chat.start.mutate({ agentId: AGENT });
    const out = await customer.chat.send.mutate({ ...chat, content: `Please call me at ${phone}` });
    expect(out.status).toBe("NEEDS_HUMAN");
    waiting.push(chat);
  }
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

async function signIn(target: Page, next: string) {
  const login = product.login as { email: string; password: string };
  await target.goto(`${product.webUrl}${next}`);
  await target.waitForURL(/\/login\?next=/, WAIT);
  await target.getByTestId("login-email").fill(login.email);
  await target.getByTestId("login-password").fill(login.password);
  await target.getByTestId("login-submit").click();
  await target.waitForURL(new RegExp(`${next}$`), WAIT);
}

const focusedRow = (target: Page) =>
  target.evaluate(
    () =>
      document.activeElement
        ?.closest("[data-shortcut-row]")
        ?.getAttribute("data-conversation-id") ?? null,
  );
const rowIds = (target: Page) =>
  target
    .getByTestId("conversation-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-conversation-id")));
const detail = (status: string) =>
  page.locator(`[data-testid="conversation-detail"][data-status="${status}"]`).waitFor(WAIT);
const statusOf = async (chat: Chat) =>
  (await staff.conversations.byId.query({ conversationId: chat.conversationId })).conversation;

describe("resolve, snooze and the console's keyboard shortcuts", () => {
  it("j and k move between inbox rows and Enter opens the focused one", async () => {
    await signIn(page, "/admin/conversations");
    await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
    await expect.poll(async () => (await rowIds(page)).length, WAIT).toBeGreaterThanOrEqual(3);
    // Escalated just before the console opened: the socket replays their events after the first
    // read of the counts, which must not count them a second time (it once showed 6).
    const needsHuman = () => page.getByTestId("count-NEEDS_HUMAN-value").textContent();
    await expect.poll(needsHuman, WAIT).toBe("3");
    await page.waitForTimeout(2_500);
    expect(await needsHuman()).toBe("3");
    // Unread per view: all three wait unassigned and unopened.
    const viewUnread = (view: string) =>
      page.getByTestId(`view-${view}`).getByTestId("unread-count").textContent();
    await expect.poll(() => viewUnread("unassigned"), WAIT).toBe("3");
    await expect.poll(() => viewUnread("all"), WAIT).toBe("3");
    expect(await page.getByTestId("view-mine").getByTestId("unread-count").count()).toBe(0);
    await screenshot(page, "inbox-view-unread");
    const ids = await rowIds(page);
    await page.keyboard.press("j");
    expect(await focusedRow(page)).toBe(ids[0]);
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    expect(await focusedRow(page)).toBe(ids[2]);
    await page.keyboard.press("k");
    expect(await focusedRow(page)).toBe(ids[1]);
    await screenshot(page, "inbox-row-focus");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/admin/conversations/${ids[1]}$`), WAIT);
    await detail("NEEDS_HUMAN");
  });

  it("? lists the shortcuts; / starts a reply with a slash; t takes over; e resolves", async () => {
    await page.keyboard.press("?");
    const help = page.getByTestId("shortcuts-dialog");
    await help.getByText("Keyboard shortcuts").waitFor(WAIT);
    expect(await help.getByTestId("shortcut-resolve").textContent()).toContain("Resolve");
    await screenshot(page, "shortcuts-help");
    // Keys inside the dialog do nothing but close it.
    await page.keyboard.press("e");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden", ...WAIT });
    await detail("NEEDS_HUMAN");

    const reply = page.getByTestId("admin-reply");
    await page.keyboard.press("/");
    await expect.poll(() => reply.inputValue(), WAIT).toBe("/");
    expect(await reply.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typing in the composer never fires a shortcut.
    await page.keyboard.type("et");
    await detail("NEEDS_HUMAN");
    await reply.fill("");
    await page.locator("h1").click();

    await page.keyboard.press("t");
    await detail("HUMAN_ACTIVE");
    await page.keyboard.press("r");
    expect(await reply.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator("h1").click();
    // A modifier leaves the key to the browser.
    await page.keyboard.press("Control+e");
    await detail("HUMAN_ACTIVE");
    await page.keyboard.press("e");
    await detail("RESOLVED");
    const id = new URL(page.url()).pathname.split("/").pop() ?? "";
    const chat = waiting.find((c) => c.conversationId === id);
    if (!chat) throw new Error("opened an unknown conversation");
    expect(await statusOf(chat)).toMatchObject({ status: "RESOLVED" });
    await screenshot(page, "conversation-resolved");

    // The customer writes again: the conversation reopens to the AI, live on this page.
    await customer.chat.send.mutate({ ...chat, content: "One more thing: do you open on Sunday?" });
    await detail("AI_ACTIVE");
  });

  it("resolves from the inbox row in one click", async () => {
    await page.goto(`${product.webUrl}/admin/conversations`);
    const open = waiting.filter((c) => !page.url().endsWith(c.conversationId));
    const target = open[0];
    if (!target) throw new Error("no conversation");
    const row = page.locator(
      `[data-testid="conversation-row"][data-conversation-id="${target.conversationId}"]`,
    );
    await row.getByTestId("action-resolve").click();
    await page
      .locator(
        `[data-testid="conversation-row"][data-conversation-id="${target.conversationId}"][data-status="RESOLVED"]`,
      )
      .waitFor(WAIT);
    expect((await statusOf(target)).status).toBe("RESOLVED");
  });

  it("snoozes a waiting conversation out of the Needs human count, and wakes it", async () => {
    const target = waiting[2];
    if (!target) throw new Error("no conversation");
    if ((await statusOf(target)).status !== "NEEDS_HUMAN") throw new Error("expected one waiting");
    await page.goto(`${product.webUrl}/admin/conversations/${target.conversationId}`);
    await detail("NEEDS_HUMAN");
    await page.getByTestId("snooze-select").selectOption("oneHour");
    await page.getByTestId("snoozed-until").waitFor(WAIT);
    expect((await statusOf(target)).snoozedUntil).toBeDefined();
    expect(
      (await staff.conversations.counts.query({ agentId: AGENT })).SNOOZED,
    ).toBeGreaterThanOrEqual(1);
    await screenshot(page, "conversation-snoozed");
    // The inbox row says so too.
    await page.goto(`${product.webUrl}/admin/conversations`);
    await page
      .locator(`[data-testid="conversation-row"][data-conversation-id="${target.conversationId}"]`)
      .getByTestId("row-snoozed")
      .waitFor(WAIT);
    await screenshot(page, "inbox-snoozed-row");
    // The Snoozed counter, by keyboard, lists only the snoozed ones, and the URL keeps the view.
    await expect.poll(() => page.getByTestId("count-SNOOZED-value").textContent(), WAIT).toBe("1");
    await page.getByTestId("count-SNOOZED").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/status=SNOOZED/, WAIT);
    await expect.poll(() => rowIds(page), WAIT).toEqual([target.conversationId]);
    await page.reload();
    await page.locator('[data-testid="count-SNOOZED"][aria-pressed="true"]').waitFor(WAIT);
    await expect.poll(() => rowIds(page), WAIT).toEqual([target.conversationId]);
    expect(await page.getByTestId("filter-status").inputValue()).toBe("SNOOZED");
    await screenshot(page, "inbox-snoozed-view");
    await page.goto(`${product.webUrl}/admin/conversations/${target.conversationId}`);
    await page.getByTestId("snooze-wake").click();
    await page.getByTestId("snooze-select").waitFor(WAIT);
    expect((await statusOf(target)).snoozedUntil).toBeUndefined();
  });

  it("board cards show who handles each conversation and why it was escalated", async () => {
    await page.goto(`${product.webUrl}/admin/pipeline`);
    const card = (chat: Chat | undefined) =>
      page.locator(
        `[data-testid="pipeline-card"][data-conversation-id="${chat?.conversationId ?? ""}"]`,
      );
    // Still waiting: its reason; taken over with `t` earlier, then reopened to the AI (which clears
    // the escalation): who it is assigned to.
    await card(waiting[2]).getByTestId("escalation-badge").waitFor(WAIT);
    const handled = page
      .getByTestId("pipeline-card")
      .filter({ has: page.getByTestId("handler-badge") });
    await handled.first().waitFor(WAIT);
    expect(await handled.first().getByTestId("handler-badge").textContent()).toBe("Assigned: you");
    await screenshot(page, "pipeline-card-assignee");
  });

  it("in Russian on a phone: the shortcut list and the Resolve buttons", async () => {
    const phone = await browser.newContext({
      locale: "ru-RU",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const ru = await phone.newPage();
    try {
      await signIn(ru, "/admin/conversations");
      await ru.getByTestId("conversation-row").first().waitFor(WAIT);
      await ru.getByTestId("action-resolve").first().getByText("Решить").waitFor(WAIT);
      await ru.getByTestId("count-SNOOZED").getByText("Отложенные").waitFor(WAIT);
      await screenshot(ru, "inbox-resolve-ru-phone");
      await ru.keyboard.press("?");
      await ru.getByTestId("shortcuts-dialog").getByText("Быстрые клавиши").waitFor(WAIT);
      await screenshot(ru, "shortcuts-help-ru-phone");
      await ru.keyboard.press("Escape");
      await ru.goto(`${product.webUrl}/admin/pipeline`);
      await ru.getByTestId("handler-badge").getByText("Ответственный: вы").first().waitFor(WAIT);
      await screenshot(ru, "pipeline-card-assignee-ru-phone");
    } finally {
      await phone.close();
    }
  });

  it("in Russian on a phone, keyboard only: a conversation a human handles snoozes too, and wakes still handled", async () => {
    const chat = await customer.chat.start.mutate({ agentId: AGENT });
    await customer.chat.send.mutate({ ...chat, content: "Please call me at +1 415 555 0104" });
    await staff.conversations.handoff.mutate({ conversationId: chat.conversationId });
    const before = await staff.conversations.counts.query({ agentId: AGENT });
    const phone = await browser.newContext({
      locale: "ru-RU",
      viewport: { width: 390, height: 844 },
    });
    const ru = await phone.newPage();
    try {
      await signIn(ru, `/admin/conversations/${chat.conversationId}`);
      await ru
        .locator('[data-testid="conversation-detail"][data-status="HUMAN_ACTIVE"]')
        .waitFor(WAIT);
      // Before: no snooze was offered once a human handled the conversation.
      const select = ru.getByTestId("snooze-select");
      await select.focus();
      await ru.keyboard.press("ArrowDown");
      await ru.getByTestId("snoozed-until").getByText("Отложен до").waitFor(WAIT);
      const snoozed = await staff.conversations.counts.query({ agentId: AGENT });
      expect(snoozed.HUMAN_ACTIVE).toBe(before.HUMAN_ACTIVE - 1);
      expect(snoozed.SNOOZED).toBe(before.SNOOZED + 1);
      expect((await statusOf(chat)).status).toBe("HUMAN_ACTIVE");
      await screenshot(ru, "conversation-handled-snoozed-ru-phone");

      // The customer writes: it is back, still handled by a human.
      await customer.chat.send.mutate({ ...chat, content: "Are you there?" });
      await ru.getByTestId("snooze-select").waitFor(WAIT);
      const woken = await statusOf(chat);
      expect(woken.status).toBe("HUMAN_ACTIVE");
      expect(woken.snoozedUntil).toBeUndefined();
      await screenshot(ru, "conversation-handled-woken-ru-phone");
    } finally {
      await phone.close();
    }
  });
});
