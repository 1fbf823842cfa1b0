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
const ADMIN_TOKEN = "e2e-assignment-admin-token-0123456789";
const OPERATOR = {
  name: "Rita Reception",
  email: "rita@clinic.test",
  password: "rita's password 1",
};

const running = productAndBrowserForSuite({ ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE: "2000" });
const contexts: BrowserContext[] = [];
let admin: Page;
let operator: Page;
let conversationId: string;

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(options: Parameters<typeof running.browser.newContext>[0]) {
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

const count = (page: Page, view: string) => page.getByTestId(`view-${view}-count`).textContent();

describe("assignment between two staff members", () => {
  it("an admin assigns a conversation to an operator with the keyboard; the operator is told live and finds it under Mine", async () => {
    const machine = staffClient(running.product.webUrl, ADMIN_TOKEN);
    await machine.users.create.mutate({ ...OPERATOR, role: "operator" });
    const customer = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${running.product.webUrl}/trpc`, transformer: superjson })],
    });
    const chat = await customer.chat.start.mutate({ agentId: AGENT });
    conversationId = chat.conversationId;
    await customer.chat.send.mutate({ ...chat, content: "What are your opening hours?" });

    // The operator: a phone, in Russian (the browser's language), on the inbox.
    operator = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "ru-RU",
    });
    await signIn(operator, OPERATOR.email, OPERATOR.password, "/admin/conversations");
    await operator.getByTestId("view-mine").getByText("Мои").waitFor(WAIT);
    await expect.poll(() => count(operator, "mine"), WAIT).toBe("0");

    // The admin: a desktop, in English, on the conversation.
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    admin = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(admin, login.email, login.password, `/admin/conversations/${conversationId}`);
    const select = admin.getByTestId("assignee-select");
    await expect.poll(() => select.locator("option").count(), WAIT).toBeGreaterThanOrEqual(3);
    expect(await select.inputValue()).toBe("");

    // Keyboard only: focus the select and type the start of the name.
    await select.focus();
    await admin.keyboard.type("Rita");
    await admin
      .locator('[data-testid="handler-badge"]')
      .getByText("Assigned: Rita Reception")
      .waitFor(WAIT);
    await screenshot(admin, "assignment-admin-detail");

    // The operator's console: a toast, and the conversation under Mine.
    const toast = operator.getByTestId("assignment-toasts");
    await toast.getByText("Local admin назначил(а) вам диалог").waitFor(WAIT);
    await screenshot(operator, "assignment-operator-toast-ru-phone");
    await expect.poll(() => count(operator, "mine"), WAIT).toBe("1");
    await operator.getByTestId("view-mine").click();
    await operator.waitForURL(/assignee=me/, WAIT);
    const row = operator.locator(
      `[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`,
    );
    await row.getByTestId("handler-badge").getByText("Ответственный: вы").waitFor(WAIT);
    expect(await operator.getByTestId("conversation-row").count()).toBe(1);
    await screenshot(operator, "assignment-operator-mine-ru-phone");

    // Unassigned no longer holds it.
    await operator.getByTestId("view-unassigned").click();
    await row.waitFor({ state: "detached", ...WAIT });
  });

  it("the operator replies, taking it over: both consoles name who handles it", async () => {
    await operator.goto(`${running.product.webUrl}/admin/conversations/${conversationId}`);
    await operator.getByTestId("conversation-detail").waitFor(WAIT);
    await operator.getByTestId("admin-reply").fill("Мы открыты с 9 до 18.");
    await operator.getByTestId("admin-send").click();
    await operator
      .locator('[data-testid="conversation-detail"][data-status="HUMAN_ACTIVE"]')
      .waitFor(WAIT);
    await operator.getByTestId("handler-badge").getByText("Ведёте вы").waitFor(WAIT);
    await screenshot(operator, "assignment-operator-detail-ru-phone");

    // Live on the admin's page: the person's name instead of "Human active".
    await admin.getByTestId("handler-badge").getByText("Rita Reception handles it").waitFor(WAIT);
    expect(await admin.getByTestId("status-badge").count()).toBe(0);

    // And the admin unassigns it again from the same control.
    await admin.getByTestId("assignee-select").selectOption("");
    await admin.getByTestId("status-badge").getByText("Human active").waitFor(WAIT);
    await operator.getByTestId("status-badge").waitFor(WAIT);
  });
});
