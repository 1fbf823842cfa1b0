import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../../api/test/fakes/fake-telegram";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const ADMIN_TOKEN = "e2e-pipeline-admin-token-0123456789";
const OPERATOR = { name: "Olga Operator", email: "olga@clinic.test" };

let product: Product;
let telegram: FakeTelegram;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let customer: ReturnType<typeof createTRPCClient<AppRouter>>;
let staff: ReturnType<typeof createTRPCClient<AppRouter>>;
const chats: { conversationId: string; token: string }[] = [];
let operatorPassword = "";

beforeAll(async () => {
  telegram = await startFakeTelegram();
  product = await startProduct({
    RATE_LIMIT_PER_MINUTE: "2000",
    TELEGRAM_API_BASE_URL: telegram.url,
    ADMIN_TOKEN,
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  const client = (headers: Record<string, string>) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson, headers })],
    });
  customer = client({});
  // The machine token checks what the API stored, independently of what the page shows.
  staff = client({ authorization: `Bearer ${ADMIN_TOKEN}` });
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await telegram?.close();
});

const column = (stage: string) =>
  page.locator(`[data-testid="pipeline-column"][data-stage="${stage}"]`);
const card = (conversationId: string, where: Page | Locator = page) =>
  where.locator(`[data-testid="pipeline-card"][data-conversation-id="${conversationId}"]`);

async function signIn(target: Page, email: string, password: string, next: string) {
  await target.goto(`${product.webUrl}${next}`);
  await target.waitForURL(/\/login\?next=/, WAIT);
  await target.getByTestId("login-email").fill(email);
  await target.getByTestId("login-password").fill(password);
  await target.getByTestId("login-submit").click();
  await target.waitForURL(new RegExp(`${next}$`), WAIT);
}

describe("the pipeline board, users and notifications", () => {
  it("shows customers' conversations as cards in the first stage", async () => {
    for (const text of ["I'd like to book a cleaning", "How much is whitening?"]) {
      const chat = await customer.chat.start.mutate({ agentId: AGENT });
      await customer.chat.send.mutate({ ...chat, content: text });
      chats.push(chat);
    }
    const login = product.login as { email: string; password: string };
    await signIn(page, login.email, login.password, "/admin/pipeline");
    await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
    for (const chat of chats) await card(chat.conversationId, column("NEW")).waitFor(WAIT);
    // A replayed "created" event may draw the card before its column's page brings the preview.
    await expect
      .poll(() => card(chats[1]?.conversationId ?? "").textContent(), WAIT)
      .toContain("whitening");
  });

  it("moves a card by drag and drop, and the move is saved; Booked is final, so it offers to resolve", async () => {
    const [first] = chats;
    if (!first) throw new Error("no conversation");
    await card(first.conversationId).dragTo(column("BOOKED"));
    await card(first.conversationId, column("BOOKED")).waitFor(WAIT);
    await expect
      .poll(async () => (await staff.conversations.byId.query(first)).conversation.stage, WAIT)
      .toBe("BOOKED");
    const offer = page.getByTestId("offer-resolve");
    await offer.getByText("is a final stage").waitFor(WAIT);
    await screenshot(page, "pipeline-offer-resolve");
    await page.getByTestId("offer-resolve-confirm").click();
    await offer.waitFor({ state: "hidden", ...WAIT });
    await expect
      .poll(async () => (await staff.conversations.byId.query(first)).conversation.status, WAIT)
      .toBe("RESOLVED");
    await card(first.conversationId)
      .locator('[data-testid="status-badge"][data-status="RESOLVED"]')
      .waitFor(WAIT);
    // Resolved: the card offers no Resolve any more.
    expect(await card(first.conversationId).getByTestId("action-resolve").count()).toBe(0);
    await page.reload();
    await card(first.conversationId, column("BOOKED")).waitFor(WAIT);
    expect(await card(first.conversationId, column("NEW")).count()).toBe(0);
  });

  it("moves a card with the keyboard, asking for the reason a rejection needs", async () => {
    const second = chats[1];
    if (!second) throw new Error("no conversation");
    await card(second.conversationId).getByTestId("pipeline-card-move").focus();
    // Opens the menu on its first entry (Booked; New is where the card is), then down to Rejected.
    for (const key of ["ArrowDown", "ArrowDown", "ArrowDown", "Enter"])
      await page.keyboard.press(key);
    const dialog = page.getByTestId("pipeline-reason-dialog");
    await dialog.waitFor(WAIT);
    const keys = async (...list: string[]) => {
      for (const key of list) await page.keyboard.press(key);
    };
    await keys("Tab", "Tab", "Enter");
    await dialog.getByText("Enter a reason.").waitFor(WAIT);
    await keys("Shift+Tab", "Shift+Tab");
    await page.keyboard.type("Chose another clinic");
    await keys("Tab", "Tab", "Enter");
    await card(second.conversationId, column("REJECTED")).waitFor(WAIT);
    // Rejected is final too: the offer is declined with the keyboard, and the status stays.
    await page.getByTestId("offer-resolve").getByText("is a final stage").waitFor(WAIT);
    await keys("Escape");
    await page.getByTestId("offer-resolve").waitFor({ state: "hidden", ...WAIT });
    expect(await card(second.conversationId).textContent()).toContain("Chose another clinic");
    await expect
      .poll(async () => (await staff.conversations.byId.query(second)).conversation, WAIT)
      .toMatchObject({
        stage: "REJECTED",
        rejectionReason: "Chose another clinic",
        status: "AI_ACTIVE",
      });
    // The optimistic card settles once the server has answered.
    await column("REJECTED")
      .locator(`[data-conversation-id="${second.conversationId}"]:not([data-pending])`)
      .waitFor(WAIT);
  });

  it("shows a conversation another admin moves, live", async () => {
    const second = chats[1];
    if (!second) throw new Error("no conversation");
    await staff.conversations.setStage.mutate({ ...second, stage: "NO_RESPONSE" });
    await card(second.conversationId, column("NO_RESPONSE")).waitFor(WAIT);
  });

  it("keeps the board's filters in the address, so a reload or a shared link keeps them", async () => {
    const second = chats[1]?.conversationId ?? "";
    await page.getByTestId("pipeline-filter-channel").selectOption("telegram");
    await expect.poll(() => new URL(page.url()).search, WAIT).toBe("?channel=telegram");
    await page.reload();
    expect(await page.getByTestId("pipeline-filter-channel").inputValue()).toBe("telegram");
    // Every card here came from the web chat, so the Telegram board has none of them.
    await column("NEW").waitFor(WAIT);
    await expect.poll(() => card(second).count(), WAIT).toBe(0);
    await page.getByTestId("pipeline-filter-channel").selectOption("");
    await expect.poll(() => new URL(page.url()).search, WAIT).toBe("");
    await card(second, column("NO_RESPONSE")).waitFor(WAIT);
  });

  it("shows the whole Move to… menu of a card at the bottom of the screen, and keeps its keys", async () => {
    const move = card(chats[1]?.conversationId ?? "").getByTestId("pipeline-card-move");
    const below = await move.evaluate((button) => button.getBoundingClientRect().bottom);
    await page.setViewportSize({ width: 1280, height: Math.ceil(below) + 16 });
    await move.click();
    const menu = page.getByRole("menu");
    await menu.waitFor(WAIT);
    expect(await menu.getAttribute("data-opens")).toBe("up");
    const items = menu.getByTestId("pipeline-card-move-to");
    // Neither the viewport nor the board's scroller cuts it: each entry is what is drawn at its centre.
    for (const item of await items.all()) {
      const shown = await item.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        return y > 0 && y < window.innerHeight && el.contains(document.elementFromPoint(x, y));
      });
      expect(shown).toBe(true);
    }
    await expect
      .poll(() => items.first().evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press("End");
    expect(await items.last().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Home");
    expect(await items.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await menu.count()).toBe(0);
    expect(await move.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("renames a stage and adds one", async () => {
    await page.getByTestId("manage-stages").click();
    const editor = page.getByTestId("stage-editor");
    await editor
      .locator('[data-testid="stage-editor-row"][data-stage="NO_RESPONSE"]')
      .getByTestId("stage-editor-name")
      .fill("Waiting for reply");
    await editor.getByTestId("stage-editor-add").click();
    const added = editor.getByTestId("stage-editor-row").last();
    await editor.getByTestId("stage-editor-save").click();
    await added.getByTestId("stage-editor-issue").getByText("Enter a name.").waitFor(WAIT);
    await added.getByTestId("stage-editor-name").fill("Follow-up");
    await screenshot(page, "admin-pipeline-stages");
    await editor.getByTestId("stage-editor-save").click();
    await page.getByTestId("pipeline-notice").getByText("Stages saved.").waitFor(WAIT);
    await column("FOLLOW_UP").waitFor(WAIT);
    expect(await column("NO_RESPONSE").locator("h2").textContent()).toBe("Waiting for reply");
    // Renaming kept the id, so the card stayed in its column.
    await card(chats[1]?.conversationId ?? "", column("NO_RESPONSE")).waitFor(WAIT);
    const saved = await staff.stages.list.query();
    expect(saved.items.map((s) => [s.id, s.name])).toEqual([
      ["NEW", "New"],
      ["BOOKED", "Booked"],
      ["NO_RESPONSE", "Waiting for reply"],
      ["REJECTED", "Rejected"],
      ["FOLLOW_UP", "Follow-up"],
    ]);
    await screenshot(page, "admin-pipeline");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "admin-pipeline-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("follows a colleague's stage changes live: renamed, removed, its cards moved", async () => {
    const second = chats[1];
    if (!second) throw new Error("no conversation");
    const current = await staff.stages.list.query();
    await staff.stages.update.mutate({
      stages: current.items
        .filter((s) => s.id !== "FOLLOW_UP")
        .map((s) => (s.id === "BOOKED" ? { ...s, name: "Booked visit" } : s)),
      expectedVersion: current.version,
    });
    await expect
      .poll(() => column("BOOKED").locator("h2").textContent(), WAIT)
      .toBe("Booked visit");
    await expect.poll(() => column("FOLLOW_UP").count(), WAIT).toBe(0);
    const again = await staff.stages.list.query();
    await staff.stages.update.mutate({
      stages: again.items.filter((s) => s.id !== "NO_RESPONSE"),
      expectedVersion: again.version,
      moveTo: { NO_RESPONSE: "NEW" },
    });
    await expect.poll(() => column("NO_RESPONSE").count(), WAIT).toBe(0);
    await card(second.conversationId, column("NEW")).waitFor(WAIT);
  });

  it("puts a card back and says why when the move does not reach the server", async () => {
    const [first] = chats;
    if (!first) throw new Error("no conversation");
    // The connection drops under the move: the card must not pretend it moved.
    await page.route(/\/trpc\/[^?]*conversations\.setStage/, (route) =>
      route.abort("connectionreset"),
    );
    await card(first.conversationId).dragTo(column("NEW"));
    await page.getByTestId("move-failed").getByText("is back where it was").waitFor(WAIT);
    await page.unroute(/\/trpc\/[^?]*conversations\.setStage/);
    await card(first.conversationId, column("BOOKED")).waitFor(WAIT);
    expect((await staff.conversations.byId.query(first)).conversation.stage).toBe("BOOKED");
  });

  it("creates an operator with a generated password, shown once", async () => {
    await page.goto(`${product.webUrl}/admin/users`);
    const me = page.locator(
      `[data-testid="user-row"][data-email="${(product.login as { email: string }).email}"]`,
    );
    await me.waitFor(WAIT);
    expect(await me.getByTestId("user-deactivate").isDisabled()).toBe(true);
    await me.getByTestId("user-role").selectOption("admin");
    await me.getByTestId("user-error").getByText("This is the last active owner").waitFor(WAIT);
    await expect.poll(() => me.getByTestId("user-role").inputValue(), WAIT).toBe("owner");
    await page.getByTestId("add-user").click();
    await page.getByTestId("user-create-submit").click();
    await page.getByTestId("user-email-problem").waitFor(WAIT);
    await page.getByTestId("user-name").fill(OPERATOR.name);
    await page.getByTestId("user-email").fill(OPERATOR.email);
    await page.getByTestId("user-generate-password").click();
    operatorPassword = await page.getByTestId("user-password").inputValue();
    expect(operatorPassword).toHaveLength(16);
    await page.getByTestId("user-create-submit").click();
    await page.getByTestId("user-created").waitFor(WAIT);
    expect(await page.getByTestId("created-password").textContent()).toBe(operatorPassword);
    const row = page.locator(`[data-testid="user-row"][data-email="${OPERATOR.email}"]`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId("user-role").inputValue()).toBe("operator");
    await screenshot(page, "admin-users");
  });

  it("keeps an operator out of owner and admin pages", async () => {
    const operatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const operatorPage = await operatorContext.newPage();
      await signIn(operatorPage, OPERATOR.email, operatorPassword, "/admin/pipeline");
      await card(chats[0]?.conversationId ?? "", operatorPage).waitFor(WAIT);
      expect(await operatorPage.getByTestId("manage-stages").count()).toBe(0);
      const nav = operatorPage.getByRole("navigation");
      expect(await nav.getByRole("link", { name: "Users", exact: true }).count()).toBe(0);
      expect(await nav.getByRole("link", { name: "Agents", exact: true }).count()).toBe(0);
      expect(await nav.getByRole("link", { name: "Pipeline", exact: true }).count()).toBe(1);
      await operatorPage.goto(`${product.webUrl}/admin/users`);
      await operatorPage.getByTestId("forbidden").waitFor(WAIT);
    } finally {
      await operatorContext.close();
    }
  });

  it("adds a Telegram alert chat and sends a test message through it", async () => {
    const bot = telegram.addBot({ username: "clinic_alerts_bot" });
    const chatId = "-1001234567890";
    await page.goto(`${product.webUrl}/admin/notifications`);
    await page.getByTestId("notifications-empty").waitFor(WAIT);
    await page.getByTestId("add-notification").click();
    await page.getByTestId("notification-token").fill("not a token");
    await page.getByTestId("notification-chat-id").fill(chatId);
    await page.getByTestId("notification-submit").click();
    await page.getByTestId("notification-botToken-problem").waitFor(WAIT);
    await page.getByTestId("notification-token").fill(bot.token);
    await page.getByTestId("notification-description").fill("Front desk phones");
    // The front desk reads Russian: its alerts (and the test) are written in Russian.
    await page.getByTestId("notification-language").selectOption("ru");
    await page.getByTestId("notification-submit").click();
    const item = page.locator(`[data-testid="notification-item"][data-chat-id="${chatId}"]`);
    await item.waitFor(WAIT);
    expect(await page.content()).not.toContain(bot.token);

    await item.getByTestId("notification-test").click();
    await item.locator('[data-testid="notification-test-result"][data-result="ok"]').waitFor(WAIT);
    expect(telegram.sent(chatId)).toHaveLength(1);
    expect(telegram.sent(chatId)[0]?.token).toBe(bot.token);
    expect(telegram.sent(chatId)[0]?.text).toMatch(/^✅ Тестовое уведомление/);
    await screenshot(page, "admin-notifications");

    telegram.forgetChat(chatId);
    await item.getByTestId("notification-test").click();
    await item
      .locator('[data-testid="notification-test-result"][data-result="error"]')
      .getByText("chat not found")
      .waitFor(WAIT);

    await item.getByTestId("notification-toggle").click();
    await page
      .locator(`[data-testid="notification-item"][data-chat-id="${chatId}"][data-active="false"]`)
      .waitFor(WAIT);
    await item.getByTestId("notification-delete").click();
    await page.getByTestId("confirm").click();
    await page.getByTestId("notifications-empty").waitFor(WAIT);
    expect((await staff.notifications.list.query()).items).toHaveLength(0);
  });
});
