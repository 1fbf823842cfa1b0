import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const ADMIN_TOKEN = "e2e-snooze-wake-admin-token-0123456789";
const PHONE = { width: 390, height: 844 };

// Snoozes are swept with the re-alerts: a re-alert time of 3 s sweeps every second.
const running = productAndBrowserForSuite({
  ADMIN_TOKEN,
  ESCALATION_REALERT_MINUTES: "0.05",
  RATE_LIMIT_PER_MINUTE: "2000",
});
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function signedIn(locale: string, viewport: { width: number; height: number }) {
  const login = running.product.login;
  if (!login) throw new Error("the product printed no admin login");
  const context = await running.browser.newContext({ locale, viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${running.product.webUrl}/login?next=%2Fadmin%2Fconversations`);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/admin\/conversations$/, WAIT);
  await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
  return page;
}

/** A customer's conversation that staff took over and assigned to the signed-in owner, then snoozed for `ms`. */
async function handledAndSnoozed(phone: string, ms: number) {
  const { product } = running;
  const customer = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })],
  });
  const staff = staffClient(product.apiUrl, ADMIN_TOKEN);
  const chat = await customer.chat.start.mutate({ agentId: AGENT });
  await customer.chat.send.mutate({ ...chat, content: `Please call me back at ${phone}` });
  const { conversationId } = chat;
  await staff.conversations.handoff.mutate({ conversationId });
  const { items } = await staff.users.list.query();
  const owner = items.find((user) => user.email === product.login?.email);
  if (!owner) throw new Error("no owner account");
  await staff.conversations.assign.mutate({ conversationId, userId: owner.userId });
  await staff.conversations.snooze.mutate({ conversationId, until: new Date(Date.now() + ms) });
  return { conversationId, staff };
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);

describe("a snoozed conversation that staff handle wakes up", () => {
  it("its assignee, on a phone in Russian, is told live and opens it from the notice by keyboard", async () => {
    const page = await signedIn("ru-RU", PHONE);
    const { conversationId, staff } = await handledAndSnoozed("+1 415 555 0161", 4_000);
    const toasts = page.getByTestId("snooze-woke-toasts");
    // Snoozed: nothing yet.
    expect(await toasts.count()).toBe(0);
    await toasts.getByText("Отложенный диалог вернулся").waitFor(WAIT);
    const woken = (await staff.conversations.byId.query({ conversationId })).conversation;
    expect(woken.status).toBe("HUMAN_ACTIVE");
    expect(woken.snoozedUntil).toBeUndefined();
    expect(await toasts.getByTestId("snooze-woke-open").getAttribute("href")).toBe(
      `/admin/conversations/${conversationId}`,
    );
    await screenshot(page, "snooze-woke-toast-phone-ru");

    // Keyboard: the notices are the page's last stops, so Shift+Tab from the page's start reaches it
    // (past any other notice after it, and its own close button).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 8 && (await focusedTestId(page)) !== "snooze-woke-open"; i++) {
      await page.keyboard.press("Shift+Tab");
    }
    expect(await focusedTestId(page)).toBe("snooze-woke-open");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/admin/conversations/${conversationId}$`), WAIT);
    await page.getByTestId("transcript").waitFor(WAIT);
    await expect.poll(() => toasts.count(), WAIT).toBe(0);
    await screenshot(page, "snooze-woke-opened-phone-ru");
  });

  it("in English on a desktop the notice reads in English", async () => {
    const page = await signedIn("en-US", { width: 1280, height: 900 });
    await handledAndSnoozed("+1 415 555 0162", 3_000);
    const toasts = page.getByTestId("snooze-woke-toasts");
    await toasts.getByText("A snoozed conversation is back").waitFor(WAIT);
    expect(await toasts.getByTestId("snooze-woke-open").getAttribute("aria-label")).toContain(
      "Open the conversation",
    );
    await screenshot(page, "snooze-woke-toast-desktop-en");
  });
});
