import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const MACHINE_TOKEN = "e2e-audit-stats-machine-token";
/** The name bootstrap gives the generated first account (apps/api/src/bootstrap/initial-admin.ts). */
const ADMIN_NAME = "Local admin";
const STEPS = [
  "close_conversation",
  "update_marketing_status",
  "return_to_ai",
  "send_message",
  "handoff",
];

let product: Product;
let browser: Browser;
let page: Page;
let conversationId: string;

beforeAll(async () => {
  product = await startProduct({ RATE_LIMIT_PER_MINUTE: "2000", ADMIN_TOKEN: MACHINE_TOKEN });
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    timezoneId: "Europe/Berlin",
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe("audit and stats", () => {
  it("an escalated conversation is taken over, answered, returned, moved and closed in the UI", async () => {
    const customer = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })],
    });
    const chat = await customer.chat.start.mutate({ agentId: AGENT });
    conversationId = chat.conversationId;
    const escalated = await customer.chat.send.mutate({
      ...chat,
      content: "Please call me back at +1 415 555 2671",
    });
    expect(escalated.status).toBe("NEEDS_HUMAN");

    const login = product.login as { email: string; password: string };
    await page.goto(`${product.webUrl}/admin/conversations/${conversationId}`);
    await page.waitForURL(/\/login\?next=/, WAIT);
    await page.getByTestId("login-email").fill(login.email);
    await page.getByTestId("login-password").fill(login.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(new RegExp(`/admin/conversations/${conversationId}$`), WAIT);
    const detail = (status: string) =>
      page.locator(`[data-testid="conversation-detail"][data-status="${status}"]`).waitFor(WAIT);

    await detail("NEEDS_HUMAN");
    await page.getByTestId("action-take-over").click();
    await detail("HUMAN_ACTIVE");
    const reply = "This is the clinic, we will call you shortly.";
    await page.getByTestId("admin-reply").fill(reply);
    await page.getByTestId("admin-reply").press("Enter");
    await page.getByTestId("message-admin").filter({ hasText: reply }).waitFor(WAIT);
    await page.getByTestId("action-return").click();
    await detail("AI_ACTIVE");
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("conversations.setStage") && r.ok()),
      page.getByTestId("stage-select").selectOption("BOOKED"),
    ]);
    await page.getByTestId("offer-resolve").getByRole("button", { name: "Not now" }).click();
    await page.getByTestId("action-close").click();
    await page.getByTestId("confirm").click();
    await detail("CLOSED");
  });

  it("the audit log shows every step with the admin's name, and the CSV has them", async () => {
    await page.goto(`${product.webUrl}/admin/audit`);
    const entries = page.getByTestId("audit-entry");
    await entries.first().waitFor(WAIT);
    // The sign-in is there too, attributed to the same person.
    await page.locator('[data-testid="audit-entry"][data-action="auth.login"]').waitFor(WAIT);

    await page.getByTestId("audit-filter-target").fill(conversationId);
    await page.waitForURL(new RegExp(`target=${conversationId}`), WAIT);
    await expect.poll(() => entries.count(), WAIT).toBe(STEPS.length);
    expect(
      await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action"))),
    ).toEqual(STEPS);
    expect(await page.getByTestId("audit-actor").allTextContents()).toEqual(
      STEPS.map(() => ADMIN_NAME),
    );
    expect(await page.getByTestId("audit-actor").first().getAttribute("title")).toBe(
      `Signed in as ${(product.login as { email: string }).email}`,
    );
    const sentences = await page.getByTestId("audit-sentence").allTextContents();
    const short = `#${conversationId.slice(-6).toLowerCase()}`;
    expect(sentences).toEqual([
      `Closed conversation ${short}`,
      `Moved conversation ${short} from “New” to “Booked”`,
      `Returned conversation ${short} to the AI`,
      `Replied in conversation ${short}`,
      `Took over conversation ${short}`,
    ]);
    expect(await page.getByTestId("audit-target").first().getAttribute("href")).toBe(
      `/admin/conversations/${conversationId}`,
    );
    expect(await page.getByTestId("audit-day").locator("h2").first().textContent()).toMatch(
      /^Today · /,
    );
    await page.getByTestId("audit-details-toggle").nth(1).click();
    const details = page.getByTestId("audit-details");
    await details.waitFor(WAIT);
    expect(await details.textContent()).toContain("BOOKED");
    await screenshot(page, "admin-audit");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "admin-audit-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("audit-export").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-log_start_to_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]?.startsWith("timestamp,actor,actor_id,action,")).toBe(true);
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows.map((r) => r[3])).toEqual(STEPS);
    expect(rows.every((r) => r[1] === ADMIN_NAME)).toBe(true);
    expect(
      rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(r[0] ?? "")),
    ).toBe(true);
    await page.getByTestId("audit-export-done").waitFor(WAIT);
  });

  it("the stats page counts today's conversation and its escalation", async () => {
    await page.getByRole("link", { name: "Statistics" }).click();
    await page.waitForURL(/\/admin\/stats$/, WAIT);
    await page.getByTestId("stats-overview").waitFor(WAIT);
    expect(await page.getByTestId("kpi-conversations-value").textContent()).toBe("1");
    expect(await page.getByTestId("kpi-escalations-value").textContent()).toBe("1");
    expect(await page.getByTestId("kpi-escalations-delta").textContent()).toContain("+1");
    expect(await page.getByTestId("kpi-messages-value").textContent()).not.toBe("0");
    // One column for the new conversation and one for its escalation, in the hour they happened.
    const drawn = await page
      .getByTestId("stats-activity")
      .locator("svg rect")
      .evaluateAll((bars) => bars.filter((b) => Number(b.getAttribute("height")) > 0).length);
    expect(drawn).toBe(2);
    const stages = page.getByTestId("stats-stages");
    await stages.locator("summary").click();
    expect(await stages.locator("tbody tr").filter({ hasText: "Booked" }).textContent()).toContain(
      "1",
    );
    await screenshot(page, "admin-stats");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "admin-stats-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId("stats-period-last_7_days").click();
    await page.waitForURL(/period=last_7_days/, WAIT);
    await expect
      .poll(() => page.getByTestId("stats-activity").locator("tbody tr").count(), WAIT)
      .toBe(7);
    expect(await page.getByTestId("kpi-conversations-value").textContent()).toBe("1");
  });

  it("marks the log stale when staff act elsewhere; a refresh shows who did it", async () => {
    const customer = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })],
    });
    const machine = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${product.apiUrl}/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${MACHINE_TOKEN}` },
        }),
      ],
    });
    const other = await customer.chat.start.mutate({ agentId: AGENT });
    await page.goto(`${product.webUrl}/admin/audit`);
    await page.getByTestId("audit-entry").first().waitFor(WAIT);
    await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
    expect(await page.getByTestId("audit-stale").count()).toBe(0);

    await machine.conversations.handoff.mutate({ conversationId: other.conversationId });
    await page.getByTestId("audit-stale").waitFor(WAIT);
    await page.getByTestId("audit-refresh").click();
    const entry = page.locator(
      `[data-testid="audit-entry"][data-action="handoff"][data-resource-id="${other.conversationId}"]`,
    );
    await entry.waitFor(WAIT);
    expect(await entry.getByTestId("audit-actor").textContent()).toBe("API token");
    expect(await page.getByTestId("audit-stale").count()).toBe(0);

    // Not only conversations: any audited action elsewhere (here a new account) is announced.
    const user = await machine.users.create.mutate({
      email: "frontdesk@example.test",
      name: "Front desk",
      role: "operator",
      password: "a long enough password 42",
    });
    await page.getByTestId("audit-stale").waitFor(WAIT);
    await page.getByTestId("audit-refresh").click();
    await page
      .locator(
        `[data-testid="audit-entry"][data-action="users.create"][data-resource-id="${user.userId}"]`,
      )
      .waitFor(WAIT);
  });

  it("a stranger's lone surrogate (failed sign-in, chat message) renders in the audit log and the inbox", async () => {
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // Raw JSON: "\ud800" is a lone UTF-16 surrogate, valid JSON that no well-formed string holds.
    const post = (path: string, json: string) =>
      fetch(`${product.webUrl}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"json":${json}}`,
      });
    const failed = await post(
      "auth.login",
      '{"email":"stranger\\ud800x@example.test","password":"not the password"}',
    );
    expect(failed.status).toBe(401);
    const customer = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })],
    });
    const chat = await customer.chat.start.mutate({ agentId: AGENT });
    const sent = await post(
      "chat.send",
      JSON.stringify({ ...chat, content: "surrogate:" }).replace(
        /surrogate:/,
        "surrogate:\\udc00!",
      ),
    );
    expect(sent.status).toBe(200);

    await page.goto(`${product.webUrl}/admin/audit`);
    const entry = page.locator('[data-testid="audit-entry"][data-action="auth.login_failed"]');
    await entry.first().waitFor(WAIT);
    expect(await entry.first().getByTestId("audit-actor").textContent()).toBe(
      "stranger\ufffdx@example.test",
    );
    await screenshot(page, "admin-audit-lone-surrogate");

    await page.goto(`${product.webUrl}/admin/conversations/${chat.conversationId}`);
    const message = page.getByTestId("message-user").filter({ hasText: "surrogate:" });
    await message.waitFor(WAIT);
    expect(await message.locator("p").first().textContent()).toBe("surrogate:\ufffd!");
    expect(pageErrors).toEqual([]);
  });
});
