import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { Browser, BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";
import { staffClient, type TrpcClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const MACHINE_TOKEN = "e2e-stats-humans-machine-token";
/** The name bootstrap gives the generated first account (apps/api/src/bootstrap/initial-admin.ts). */
const ADMIN_NAME = "Local admin";
const OPERATOR = {
  email: "olga@example.test",
  name: "Olga Operator",
  role: "operator" as const,
  password: "a long enough password 42",
};

let product: Product;
let browser: Browser;
let machine: TrpcClient;
let admin: Page;
let operator: Page;
const contexts: BrowserContext[] = [];

async function escalatedChat(): Promise<string> {
  const customer = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })],
  });
  const chat = await customer.chat.start.mutate({ agentId: AGENT });
  const sent = await customer.chat.send.mutate({
    ...chat,
    content: "Please call me back at +1 415 555 2671",
  });
  expect(sent.status).toBe("NEEDS_HUMAN");
  return chat.conversationId;
}

async function openAs(
  options: { locale: "en" | "ru"; viewport: { width: number; height: number } },
  login: { email: string; password: string },
  path: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport,
    timezoneId: "Europe/Berlin",
  });
  contexts.push(context);
  await context.addCookies([{ name: "acrm_locale", value: options.locale, url: product.webUrl }]);
  const page = await context.newPage();
  await page.goto(`${product.webUrl}${path}`);
  await page.waitForURL(/\/login\?next=/, WAIT);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`${path}$`), WAIT);
  return page;
}

const detail = (page: Page, status: string) =>
  page.locator(`[data-testid="conversation-detail"][data-status="${status}"]`).waitFor(WAIT);

async function reply(page: Page, text: string) {
  await page.getByTestId("admin-reply").fill(text);
  await page.getByTestId("admin-reply").press("Enter");
  await page.getByTestId("message-admin").filter({ hasText: text }).waitFor(WAIT);
}

beforeAll(async () => {
  // Re-alert after 3 s, so a waiting escalation is re-alerted while the journey runs.
  product = await startProduct({
    RATE_LIMIT_PER_MINUTE: "2000",
    ADMIN_TOKEN: MACHINE_TOKEN,
    ESCALATION_REALERT_MINUTES: "0.05",
  });
  machine = staffClient(product.apiUrl, MACHINE_TOKEN);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await product?.stop();
});

describe("the front desk on the stats page", () => {
  it("two staff members take over escalations, one by the button and one by replying", async () => {
    await machine.users.create.mutate(OPERATOR);
    const [first, second] = [await escalatedChat(), await escalatedChat()];

    const login = product.login as { email: string; password: string };
    admin = await openAs(
      { locale: "en", viewport: { width: 1280, height: 900 } },
      login,
      `/admin/conversations/${first}`,
    );
    await detail(admin, "NEEDS_HUMAN");
    await admin.getByTestId("action-take-over").click();
    await detail(admin, "HUMAN_ACTIVE");
    await reply(admin, "The clinic here: we will call you in five minutes.");
    // Closing resolves it: time to resolve counts from its escalation.
    await admin.getByTestId("action-close").click();
    await admin.getByTestId("confirm").click();
    await detail(admin, "CLOSED");

    // The second staff member, in Russian on a phone, answers straight away (replying takes it over).
    operator = await openAs(
      { locale: "ru", viewport: { width: 390, height: 844 } },
      OPERATOR,
      `/admin/conversations/${second}`,
    );
    await detail(operator, "NEEDS_HUMAN");
    await reply(operator, "Здравствуйте, перезвоним вам сегодня.");
    await detail(operator, "HUMAN_ACTIVE");
  });

  it("a third escalation nobody takes is re-alerted, and the re-alert is recorded", async () => {
    const waiting = await escalatedChat();
    await expect
      .poll(
        async () =>
          (await machine.audit.list.query({ action: "realert", limit: 100 })).items.some(
            (e) => e.resourceId === waiting,
          ),
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
  });

  it("the stats page shows the human KPIs, their charts and the per-staff table", async () => {
    const realerts = (await machine.audit.list.query({ action: "realert", limit: 100 })).items
      .length;
    await admin.goto(`${product.webUrl}/admin/stats`);
    const section = admin.getByTestId("stats-humans");
    await section.getByTestId("stats-humans-overview").waitFor(WAIT);
    await expect
      .poll(() => section.getByTestId("kpi-takeovers-value").textContent(), WAIT)
      .toBe("2");
    expect(await section.getByTestId("kpi-escalation-to-takeover-value").textContent()).not.toBe(
      "—",
    );
    expect(await section.getByTestId("kpi-first-response-value").textContent()).toMatch(
      /\d+ (s|min)/,
    );
    expect(await section.getByTestId("kpi-handled-value").textContent()).toBe("2");
    expect(await section.getByTestId("kpi-resolved-value").textContent()).toBe("1");
    expect(await section.getByTestId("kpi-time-to-resolve-value").textContent()).toMatch(
      /\d+ (s|min)/,
    );
    expect(await section.getByTestId("kpi-realerts-value").textContent()).toBe(String(realerts));
    // The comparison with yesterday: nothing happened then, so the take-overs are all new.
    expect(await section.getByTestId("kpi-takeovers-delta").textContent()).toContain("+2");

    const staff = section.getByTestId("stats-staff");
    const row = (name: string) => staff.locator("tbody tr").filter({ hasText: name });
    expect(await staff.locator("tbody tr").count()).toBe(2);
    expect(await row(ADMIN_NAME).locator("td").first().textContent()).toContain("1");
    expect(await row(ADMIN_NAME).locator("td").nth(1).textContent()).toContain("1");
    expect(await row(OPERATOR.name).locator("td").first().textContent()).toContain("1");

    // The chart's numbers open from the keyboard.
    const activity = section.getByTestId("stats-human-activity");
    await activity.locator("summary").focus();
    await admin.keyboard.press("Enter");
    await activity.locator("table").waitFor(WAIT);
    const cells = await activity
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => Number(r.querySelectorAll("td")[0]?.textContent ?? 0)),
      );
    expect(cells.reduce((a, b) => a + b, 0)).toBe(2);
    await section.getByTestId("stats-human-times").waitFor(WAIT);
    await screenshot(admin, "admin-stats-humans");
  });

  it("in Russian on a phone", async () => {
    await operator.goto(`${product.webUrl}/admin/stats`);
    const section = operator.getByTestId("stats-humans");
    await section.getByTestId("stats-humans-overview").waitFor(WAIT);
    expect(await section.getByRole("heading", { level: 2 }).textContent()).toBe(
      "Работа сотрудников",
    );
    await expect
      .poll(() => section.getByTestId("kpi-takeovers-value").textContent(), WAIT)
      .toBe("2");
    expect(await section.getByTestId("kpi-first-response-value").textContent()).toMatch(
      /\d+ (с|мин)/,
    );
    const width = await operator.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(operator, "admin-stats-humans-phone-ru");
  });
});
