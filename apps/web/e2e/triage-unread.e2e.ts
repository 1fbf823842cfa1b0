import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const TOKEN = "e2e-triage-admin-token-0123456789";
const OPERATOR = {
  name: "Rita Reception",
  email: "rita@clinic.test",
  password: "rita's own secret",
};
const AGENT = "demo_clinic";

const running = productAndBrowserForSuite({ RATE_LIMIT_PER_MINUTE: "2000", ADMIN_TOKEN: TOKEN });
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

function customerClient() {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${running.product.apiUrl}/trpc`, transformer: superjson })],
  });
}

/** A customer's web chat with one message; returns its conversation id. */
async function customerWrites(content: string): Promise<{ conversationId: string; token: string }> {
  const customer = customerClient();
  const chat = await customer.chat.start.mutate({ agentId: AGENT });
  await customer.chat.send.mutate({ ...chat, content });
  return chat;
}

async function staffPage(
  email: string,
  password: string,
  options: { locale: "en" | "ru"; viewport: { width: number; height: number } },
): Promise<Page> {
  const context = await running.browser.newContext({ viewport: options.viewport });
  await context.addCookies([
    { name: "acrm_locale", value: options.locale, url: running.product.webUrl },
  ]);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${running.product.webUrl}/admin/conversations`);
  await page.waitForURL(/\/login\?next=/, WAIT);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/admin\/conversations$/, WAIT);
  await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
  return page;
}

const row = (page: Page, conversationId: string) =>
  page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);

const titleCount = async (page: Page) => {
  const match = /^\((\d+)\+?\) /.exec(await page.title());
  return match ? Number(match[1]) : 0;
};

const waitForTitle = (page: Page, predicate: (count: number) => boolean) =>
  expect
    .poll(() => titleCount(page), { timeout: WAIT.timeout, interval: 200 })
    .toSatisfy(predicate);

describe("triage and unread, two staff members in two browsers", () => {
  it("orders the queue urgent first, then longest waiting; unread is each reader's own", async () => {
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    const staff = staffClient(running.product.apiUrl, TOKEN);
    await staff.users.create.mutate({ ...OPERATOR, role: "operator" });

    // A booking waits first; an urgent message comes later and still goes to the top.
    const booking = await customerWrites("I would like to book an appointment for tomorrow");
    const urgent = await customerWrites("I have severe chest pain and cannot breathe");

    const owner = await staffPage(login.email, login.password, {
      locale: "en",
      viewport: { width: 1280, height: 900 },
    });
    const operator = await staffPage(OPERATOR.email, OPERATOR.password, {
      locale: "ru",
      viewport: { width: 390, height: 844 },
    });

    const ids = await owner
      .locator('[data-testid="conversation-row"][data-status="NEEDS_HUMAN"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-conversation-id")));
    expect(ids.slice(0, 2)).toEqual([urgent.conversationId, booking.conversationId]);
    await expect
      .poll(() => row(owner, urgent.conversationId).getByTestId("escalation-badge").textContent())
      .toBe("Urgent");
    expect(
      await row(operator, urgent.conversationId).getByTestId("escalation-badge").textContent(),
    ).toBe("Срочно");
    // The row shows what the customer wrote, not the agent's handoff text.
    expect(await row(owner, booking.conversationId).getByTestId("row-preview").textContent()).toBe(
      "I would like to book an appointment for tomorrow",
    );

    // A customer writes while both consoles are open: bold for both, counted in both titles.
    const ownerBefore = await titleCount(owner);
    const operatorBefore = await titleCount(operator);
    const question = await customerWrites("What are your opening hours on Saturday?");
    for (const page of [owner, operator]) {
      await row(page, question.conversationId)
        .and(page.locator('[data-unread="true"]'))
        .waitFor(WAIT);
    }
    await waitForTitle(owner, (n) => n === ownerBefore + 1);
    await waitForTitle(operator, (n) => n === operatorBefore + 1);
    expect(await owner.locator("#unread-favicon").getAttribute("data-unread")).not.toBe("");
    await screenshot(owner, "triage-inbox-unread-desktop");
    await screenshot(operator, "triage-inbox-unread-phone-ru");

    // The owner opens it (keyboard: focus the row's link, Enter): only the owner's mark clears.
    await row(owner, question.conversationId).getByRole("link").first().focus();
    await owner.keyboard.press("Enter");
    await owner.waitForURL(new RegExp(`/admin/conversations/${question.conversationId}$`), WAIT);
    await waitForTitle(owner, (n) => n === ownerBefore);
    await owner.goBack();
    await row(owner, question.conversationId)
      .and(owner.locator('[data-unread="false"]'))
      .waitFor(WAIT);
    expect(await row(operator, question.conversationId).getAttribute("data-unread")).toBe("true");
    expect(await titleCount(operator)).toBe(operatorBefore + 1);
    await screenshot(owner, "triage-inbox-read-desktop");
    await screenshot(operator, "triage-inbox-still-unread-phone-ru");

    // The operator opens it on the phone: theirs clears too.
    await row(operator, question.conversationId).getByRole("link").first().click();
    await operator.waitForURL(new RegExp(`/admin/conversations/${question.conversationId}$`), WAIT);
    await waitForTitle(operator, (n) => n === operatorBefore);
  });
});
