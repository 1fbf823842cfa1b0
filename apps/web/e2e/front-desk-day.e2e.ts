import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

/**
 * A receptionist's day, end to end: an admin on a desktop in English and an operator on a phone in
 * Russian share the front desk while customers write in the web chat. Everything staff do goes through
 * the console (the keyboard where it offers one); the API is read only to check what was stored.
 */

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const ADMIN_TOKEN = "e2e-front-desk-day-admin-token-0123456789";
/** Re-alerts after a minute, swept every 15 s: the booking left waiting is re-alerted within the run. */
const REALERT_MINUTES = 1;
const SWEEP_MS = (REALERT_MINUTES * 60_000) / 4;
const OPERATOR = {
  name: "Rita Reception",
  email: "rita@clinic.test",
  password: "rita's day pass 1",
};
/** A word only the staff note holds: the customer's chat must never show it. */
const SECRET = "Quincenote";
const CALLBACK =
  "Thank you! A colleague from Sunrise Family Clinic will call you shortly to confirm the details.";

const running = productAndBrowserForSuite({
  ADMIN_TOKEN,
  RATE_LIMIT_PER_MINUTE: "2000",
  ESCALATION_REALERT_MINUTES: String(REALERT_MINUTES),
});
const contexts: BrowserContext[] = [];
let admin: Page;
let operator: Page;
let customer: Page;
let urgentId = "";
let bookingId = "";
/** When the urgent conversation escalated: its re-alert would be due a configured while after. */
let urgentSince = 0;

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(options: Parameters<typeof running.browser.newContext>[0]): Promise<Page> {
  const context = await running.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`${running.product.webUrl}${next}`);
  await page.waitForURL(/\/login\?next=/, WAIT);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`${next}$`), WAIT);
  await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
}

/** Both viewers at once: `front-desk-day-<step>-admin.png` and `…-operator-ru-phone.png`. */
async function shoot(step: string) {
  // Nothing makes the phone's page wider than the phone.
  expect(await operator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );
  await screenshot(admin, `front-desk-day-${step}-admin`);
  await screenshot(operator, `front-desk-day-${step}-operator-ru-phone`);
}

const row = (page: Page, conversationId: string) =>
  page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
const unread = (page: Page, conversationId: string) =>
  row(page, conversationId).and(page.locator('[data-unread="true"]'));
const titleCount = async (page: Page) => {
  const match = /^\((\d+)\+?\) /.exec(await page.title());
  return match ? Number(match[1]) : 0;
};
const waitForTitleCount = (page: Page, count: number) =>
  expect.poll(() => titleCount(page), { ...WAIT, interval: 200 }).toBe(count);
const detailStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="conversation-detail"][data-status="${status}"]`).waitFor(WAIT);
const focusedRow = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement
        ?.closest("[data-shortcut-row]")
        ?.getAttribute("data-conversation-id") ?? null,
  );
const realerts = async (conversationId: string) =>
  (
    await staffClient(running.product.apiUrl, ADMIN_TOKEN).audit.list.query({
      action: "realert",
      resourceId: conversationId,
    })
  ).items.length;

describe("a day at the front desk: two staff members, two browsers, one customer chat", () => {
  it("escalations arrive unread for both, urgent first, counted in both tab titles", async () => {
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    await staffClient(running.product.apiUrl, ADMIN_TOKEN).users.create.mutate({
      ...OPERATOR,
      role: "operator",
    });
    // Both consoles are open before the day starts: what arrives, arrives live.
    admin = await newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    await signIn(admin, login.email, login.password, "/admin/conversations");
    operator = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "ru-RU",
    });
    await signIn(operator, OPERATOR.email, OPERATOR.password, "/admin/conversations");

    // A routine booking waits first (another customer, through the same public API as the widget)…
    const other = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${running.product.webUrl}/trpc`, transformer: superjson })],
    });
    const booking = await other.chat.start.mutate({ agentId: AGENT });
    const booked = await other.chat.send.mutate({
      ...booking,
      content: "I would like to book an appointment for tomorrow",
    });
    expect(booked.status).toBe("NEEDS_HUMAN");
    bookingId = booking.conversationId;

    // …then a customer writes in the web chat, on a phone, and is handed to a human.
    customer = await newPage({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
    await customer.goto(`${running.product.webUrl}/chat/${AGENT}`);
    const input = customer.getByTestId("composer-input");
    await input.fill("I have chest pain since this morning, what should I do?");
    await input.press("Enter");
    // The widget keeps its conversation in the browser: that is the id staff see.
    const stored = () =>
      customer.evaluate((key) => {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as { conversationId: string }).conversationId : "";
      }, `agents-crm:chat:${AGENT}`);
    await expect.poll(stored, WAIT).not.toBe("");
    urgentId = await stored();

    const staff = staffClient(running.product.apiUrl, ADMIN_TOKEN);
    const escalated = async () =>
      (await staff.conversations.byId.query({ conversationId: urgentId })).conversation;
    await expect.poll(async () => (await escalated()).status, WAIT).toBe("NEEDS_HUMAN");
    expect((await escalated()).escalationType).toBeDefined();
    urgentSince = Date.parse((await escalated()).needsHumanSince ?? "");

    for (const page of [admin, operator]) {
      await unread(page, urgentId).waitFor(WAIT);
      await unread(page, bookingId).waitFor(WAIT);
      await waitForTitleCount(page, 2);
      // The queue puts the urgent one first, although the booking waits longer.
      const ids = await page
        .locator('[data-testid="conversation-row"][data-status="NEEDS_HUMAN"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-conversation-id")));
      expect(ids).toEqual([urgentId, bookingId]);
    }
    expect(await row(admin, urgentId).getByTestId("escalation-badge").textContent()).toBe("Urgent");
    expect(await row(operator, urgentId).getByTestId("escalation-badge").textContent()).toBe(
      "Срочно",
    );
    // The row previews what the customer wrote, not the bot's handoff text.
    expect(await row(operator, urgentId).getByTestId("row-preview").textContent()).toContain(
      "chest pain",
    );
    await shoot("1-inbox-unread");
    await screenshot(customer, "front-desk-day-1-customer-chat-phone");
  });

  it("the admin lists the shortcuts with ?, opens the urgent one with j/k and Enter: only the admin's unread clears", async () => {
    await admin.keyboard.press("?");
    const help = admin.getByTestId("shortcuts-dialog");
    await help.getByText("Keyboard shortcuts").waitFor(WAIT);
    await screenshot(admin, "front-desk-day-2-shortcuts-admin");
    await admin.keyboard.press("Escape");
    await help.waitFor({ state: "hidden", ...WAIT });

    await admin.keyboard.press("j");
    expect(await focusedRow(admin)).toBe(urgentId);
    await admin.keyboard.press("j");
    expect(await focusedRow(admin)).toBe(bookingId);
    await admin.keyboard.press("k");
    expect(await focusedRow(admin)).toBe(urgentId);
    await admin.keyboard.press("Enter");
    await admin.waitForURL(new RegExp(`/admin/conversations/${urgentId}$`), WAIT);
    await detailStatus(admin, "NEEDS_HUMAN");
    await admin.getByTestId("transcript").getByText("chest pain").first().waitFor(WAIT);

    await waitForTitleCount(admin, 1);
    // The operator's marks are the operator's own.
    expect(await titleCount(operator)).toBe(2);
    expect(await row(operator, urgentId).getAttribute("data-unread")).toBe("true");
  });

  it("the admin assigns it to the operator, who is told live and finds it under Mine", async () => {
    const select = admin.getByTestId("assignee-select");
    await expect.poll(() => select.locator("option").count(), WAIT).toBeGreaterThanOrEqual(3);
    // On a slow connection the name is still being typed while the assignment saves: the letters after
    // "R" must stay in the select, not reach the page's shortcuts (`t` takes over).
    const slowAssign = (url: URL) => url.pathname.includes("conversations.assign");
    await admin.route(slowAssign, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await select.focus();
    await admin.keyboard.type("Rita", { delay: 150 });
    await admin.getByTestId("handler-badge").getByText("Assigned: Rita Reception").waitFor(WAIT);
    await admin.unroute(slowAssign);
    await detailStatus(admin, "NEEDS_HUMAN");
    expect(await select.evaluate((el) => el === document.activeElement)).toBe(true);

    await operator
      .getByTestId("assignment-toasts")
      .getByText("Local admin назначил(а) вам диалог")
      .waitFor(WAIT);
    await shoot("3-assigned");
    await expect.poll(() => operator.getByTestId("view-mine-count").textContent(), WAIT).toBe("1");
    await operator.getByTestId("view-mine").click();
    await operator.waitForURL(/assignee=me/, WAIT);
    await row(operator, urgentId)
      .getByTestId("handler-badge")
      .getByText("Ответственный: вы")
      .waitFor(WAIT);
    // Still unread for the operator: nobody opened it on this phone yet.
    expect(await row(operator, urgentId).getAttribute("data-unread")).toBe("true");
    expect(await operator.getByTestId("conversation-row").count()).toBe(1);
    await screenshot(operator, "front-desk-day-3-mine-operator-ru-phone");
  });

  it("the admin leaves a note mentioning the operator; the operator is told live and reads it", async () => {
    await admin.getByTestId("composer-mode-reply").focus();
    await admin.keyboard.press("ArrowRight");
    expect(await admin.getByTestId("composer-mode-note").isChecked()).toBe(true);
    await admin.getByTestId("admin-note").focus();
    await admin.keyboard.type(`${SECRET}: chest pain, possibly cardiac. @rit`);
    await admin.getByTestId("mention-picker").getByText("@Rita Reception").waitFor(WAIT);
    await admin.keyboard.press("Enter");
    await admin.keyboard.type("please call her first.");
    await admin.keyboard.press("Enter");
    await admin.getByTestId("message-note").getByText("please call her first.").waitFor(WAIT);

    const toast = operator.getByTestId("mention-toasts");
    await toast.getByText("упоминает вас в заметке").waitFor(WAIT);
    // The mention stacks under the assignment toast (if that one is still up), never on top of it.
    const [assigned, mentioned] = await operator.evaluate(() =>
      ["assignment-toasts", "mention-toasts"].map((id) => {
        const box = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
        return box && box.height > 0 ? { top: box.top, bottom: box.bottom } : null;
      }),
    );
    expect(mentioned).not.toBeNull();
    if (assigned && mentioned) expect(mentioned.top).toBeGreaterThanOrEqual(assigned.bottom);
    await shoot("4-note-mention");
    await toast.getByRole("link").click();
    await operator.waitForURL(new RegExp(`/admin/conversations/${urgentId}$`), WAIT);
    const note = operator.getByTestId("message-note");
    await note.getByText("please call her first.").waitFor(WAIT);
    expect(await note.getByText("Заметка").count()).toBe(1);
    // Opened on the phone: the operator's unread clears too.
    await waitForTitleCount(operator, 1);
    await note.scrollIntoViewIfNeeded();
    await screenshot(operator, "front-desk-day-4-note-operator-ru-phone");
  });

  it("the operator answers with a canned response picked with /; the customer gets it, never the note", async () => {
    const reply = operator.getByTestId("admin-reply");
    await reply.focus();
    await operator.keyboard.type("/callb");
    const picker = operator.getByTestId("canned-picker");
    await picker
      .locator('[data-testid="canned-option"][data-shortcut="callback"]')
      .first()
      .waitFor(WAIT);
    // The customer writes English: move to the English one of the two.
    const selected = picker.locator('[aria-selected="true"]');
    for (let i = 0; i < 3 && !((await selected.textContent()) ?? "").includes("A colleague"); i++) {
      await operator.keyboard.press("ArrowDown");
    }
    expect(await selected.textContent()).toContain("A colleague");
    await screenshot(operator, "front-desk-day-5-canned-picker-operator-ru-phone");
    await operator.keyboard.press("Enter");
    await picker.waitFor({ state: "detached", ...WAIT });
    expect(await reply.inputValue()).toBe(CALLBACK);
    await operator.keyboard.press("Enter");
    await expect.poll(() => reply.inputValue(), WAIT).toBe("");
    // Replying takes it over: the operator handles it now, on both consoles.
    await detailStatus(operator, "HUMAN_ACTIVE");
    await admin.getByTestId("handler-badge").getByText("Rita Reception handles it").waitFor(WAIT);

    const received = customer.locator('[data-testid="chat-message"]').getByText(CALLBACK);
    await received.waitFor(WAIT);
    expect(await customer.locator("body").textContent()).not.toContain(SECRET);
    expect(await customer.getByText("please call her first.").count()).toBe(0);
    await screenshot(customer, "front-desk-day-5-customer-chat-phone");
    await shoot("5-canned-sent");
  });

  it("the admin moves the card to Booked on the board and resolves it; the operator sees Resolved live; no re-alert fires for it", async () => {
    await admin.goto(`${running.product.webUrl}/admin/pipeline`);
    const card = (where: Page) =>
      where.locator(`[data-testid="pipeline-card"][data-conversation-id="${urgentId}"]`);
    await card(admin).waitFor(WAIT);
    // Keyboard: the card's move button opens its menu on the first other stage, Booked.
    await card(admin).getByTestId("pipeline-card-move").focus();
    await admin.keyboard.press("ArrowDown");
    await admin.keyboard.press("Enter");
    const offer = admin.getByTestId("offer-resolve");
    await offer.getByText("is a final stage").waitFor(WAIT);
    await admin
      .locator('[data-testid="pipeline-column"][data-stage="BOOKED"]')
      .locator(`[data-conversation-id="${urgentId}"]`)
      .waitFor(WAIT);
    await screenshot(admin, "front-desk-day-6-offer-resolve-admin");
    await admin.getByTestId("offer-resolve-confirm").press("Enter");
    await offer.waitFor({ state: "hidden", ...WAIT });
    await card(admin).locator('[data-testid="status-badge"][data-status="RESOLVED"]').waitFor(WAIT);

    // Live on the operator's phone, still on the conversation.
    await detailStatus(operator, "RESOLVED");
    await shoot("6-resolved");

    const staff = staffClient(running.product.apiUrl, ADMIN_TOKEN);
    const urgent = (await staff.conversations.byId.query({ conversationId: urgentId }))
      .conversation;
    expect(urgent).toMatchObject({ status: "RESOLVED", stage: "BOOKED" });
    // The booking nobody touched is re-alerted once it has waited the configured time; the resolved one
    // (which escalated later) never is, even after its own time has passed and another sweep has run.
    await expect.poll(() => realerts(bookingId), { timeout: 90_000, interval: 1_000 }).toBe(1);
    const quiet = urgentSince + REALERT_MINUTES * 60_000 + SWEEP_MS + 2_000 - Date.now();
    if (quiet > 0) await new Promise((resolve) => setTimeout(resolve, quiet));
    expect(await realerts(urgentId)).toBe(0);
  });
});
