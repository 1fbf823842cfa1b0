import type { AppRouter } from "@agents-crm/api";
import { DEMO_AGENT_ID } from "@agents-crm/config/demo-agent";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-canned-admin-token-0123456789";
const OPERATOR = {
  name: "Rita Reception",
  email: "rita@clinic.test",
  password: "rita's long password",
};
const CONTENT =
  "Hi {customer_name}, {clinic_name} has free parking for {agent_name}'s patients. {room}";

const running = productAndBrowserForSuite({ ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE: "2000" });
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(options: Parameters<typeof running.browser.newContext>[0] = {}) {
  const context = await running.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    ...options,
  });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`${running.product.webUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`${next}$`), WAIT);
}

const item = (page: Page, shortcut: string) =>
  page.locator(`[data-testid="canned-item"][data-shortcut="${shortcut}"]`);

describe("canned responses: an admin writes one, an operator uses it with / in the reply box", () => {
  let owner: Page;

  it("a fresh install has English and Russian responses; the admin adds one with the keyboard", async () => {
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    owner = await newPage();
    await signIn(owner, login.email, login.password, "/admin/canned-responses");
    await item(owner, "hello").first().waitFor(WAIT);
    expect(await item(owner, "hello").count()).toBe(2);

    await owner.getByTestId("add-canned").click();
    await owner.getByTestId("canned-shortcut").focus();
    await owner.keyboard.type("Parking");
    // A taken or malformed shortcut is refused in words.
    await owner.getByTestId("canned-content").focus();
    await owner.keyboard.type(CONTENT);
    await owner.getByTestId("canned-save").click();
    await item(owner, "parking").waitFor(WAIT);
    expect(await item(owner, "parking").getAttribute("data-uses")).toBe("0");

    // The same shortcut again is a conflict, said in the form.
    await owner.getByTestId("add-canned").click();
    await owner.getByTestId("canned-shortcut").fill("parking");
    await owner.getByTestId("canned-content").fill("again");
    await owner.keyboard.press("Tab");
    await owner.getByTestId("canned-save").press("Enter");
    await owner.getByTestId("canned-form-error").getByText("already used").waitFor(WAIT);
    await screenshot(owner, "canned-responses-admin");
    await owner.getByRole("button", { name: "Cancel" }).click();
  });

  it("an operator in a second browser picks it with / and the arrows, sends it, and the use is counted", async () => {
    const staff = staffClient(running.product.apiUrl, ADMIN_TOKEN);
    await staff.users.create.mutate({ ...OPERATOR, role: "operator" });
    const customer = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${running.product.webUrl}/trpc`, transformer: superjson })],
    });
    const chat = await customer.chat.start.mutate({ agentId: DEMO_AGENT_ID });
    await customer.chat.send.mutate({ ...chat, content: "Where can I park?" });

    const operator = await newPage();
    await signIn(
      operator,
      OPERATOR.email,
      OPERATOR.password,
      `/admin/conversations/${chat.conversationId}`,
    );
    const reply = operator.getByTestId("admin-reply");
    await reply.focus();
    await operator.keyboard.type("/park");
    const picker = operator.getByTestId("canned-picker");
    await picker.locator('[data-testid="canned-option"][data-shortcut="parking"]').waitFor(WAIT);
    // Escape closes it; a new / opens it again.
    await operator.keyboard.press("Escape");
    await picker.waitFor({ state: "detached", ...WAIT });
    await operator.keyboard.press("Control+A");
    await operator.keyboard.press("Backspace");
    await operator.keyboard.type("/");
    await picker.waitFor(WAIT);
    await operator.keyboard.type("parki");
    await picker.locator('[aria-selected="true"][data-shortcut="parking"]').waitFor(WAIT);
    await screenshot(operator, "canned-responses-picker");
    await operator.keyboard.press("Enter");
    await picker.waitFor({ state: "detached", ...WAIT });
    const inserted = await reply.inputValue();
    // The web chat knows no customer name: that variable (and the unknown one) stay for staff to fill.
    expect(inserted).toBe(
      "Hi {customer_name}, Sunrise Family Clinic has free parking for Dr. Elena Markova's patients. {room}",
    );
    await reply.fill(inserted.replace("{customer_name}", "Anna").replace(" {room}", ""));
    await operator.keyboard.press("Enter");
    await operator
      .getByText(
        "Hi Anna, Sunrise Family Clinic has free parking for Dr. Elena Markova's patients.",
      )
      .first()
      .waitFor(WAIT);

    await expect.poll(() => reply.inputValue(), WAIT).toBe("");
    // The way other features (the `/` keyboard shortcut) open the picker: an event on the reply box.
    await reply.evaluate((box) =>
      box.dispatchEvent(new CustomEvent("agents-crm:open-canned-picker")),
    );
    await picker.waitFor(WAIT);
    expect(await reply.inputValue()).toBe("/");
    await operator.keyboard.press("Escape");
    await picker.waitFor({ state: "detached", ...WAIT });

    await expect
      .poll(async () => {
        await owner.reload();
        await item(owner, "parking").waitFor(WAIT);
        return item(owner, "parking").getAttribute("data-uses");
      }, WAIT)
      .toBe("1");
  });

  it("operators see the list in Russian on a phone, without the manage controls", async () => {
    const phone = await newPage({
      viewport: { width: 390, height: 844 },
      locale: "ru-RU",
      isMobile: true,
    });
    await signIn(phone, OPERATOR.email, OPERATOR.password, "/admin/canned-responses");
    await phone.getByRole("heading", { name: "Шаблоны ответов" }).waitFor(WAIT);
    await item(phone, "parking").waitFor(WAIT);
    expect(await phone.getByTestId("add-canned").count()).toBe(0);
    expect(await phone.getByTestId("canned-edit").count()).toBe(0);
    await screenshot(phone, "canned-responses-operator-ru-phone");
  });
});
