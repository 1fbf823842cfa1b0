import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { Page } from "playwright-core";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import type { Product } from "./helpers/product";
import { productAndBrowserForSuite } from "./helpers/session";

const WAIT = { timeout: 30_000 };

async function signIn(product: Product, page: Page) {
  const login = product.login as { email: string; password: string };
  await page.goto(`${product.webUrl}/login`);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/admin\/conversations$/, WAIT);
}

/** Every answer the API refused with 429 (HTTP calls and socket upgrades), as the browser saw it. */
function refusals(page: Page): string[] {
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 429) refused.push(new URL(response.url()).pathname);
  });
  page.on("websocket", (socket) => {
    socket.on("socketerror", (error) => refused.push(`websocket: ${error}`));
  });
  return refused;
}

describe("with the default limits", () => {
  const running = productAndBrowserForSuite();

  it("one admin loading every console page twice in a row is never refused", async () => {
    const { product, browser } = running;
    const customer = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })],
    });
    const chat = await customer.chat.start.mutate({ agentId: "demo_clinic" });
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    const refused = refusals(page);
    let calls = 0;
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/trpc/")) calls += path.slice("/trpc/".length).split(",").length;
    });
    await signIn(product, page);
    const pages = [
      "/admin/conversations",
      `/admin/conversations/${chat.conversationId}`,
      "/admin/pipeline",
      "/admin/agents",
      "/admin/agents/demo_clinic",
      "/admin/users",
      "/admin/notifications",
      "/admin/audit",
      "/admin/stats",
    ];
    const started = Date.now();
    for (let round = 0; round < 2; round++) {
      for (const path of pages) {
        await page.goto(`${product.webUrl}${path}`);
        await page.waitForLoadState("networkidle");
      }
    }
    // The numbers the defaults are sized from (see the README's rate-limit section).
    console.log(
      `[rate-limit] ${pages.length * 2} page loads, ${calls} tRPC calls, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(refused).toEqual([]);
    expect(await page.getByTestId("admin-live").getAttribute("data-state")).not.toBe("throttled");
  });
});

describe("with a small limit", () => {
  const running = productAndBrowserForSuite({
    RATE_LIMIT_PER_MINUTE: "20",
    RATE_LIMIT_STAFF_PER_MINUTE: "30",
  });
  let page: Page;

  beforeAll(async () => {
    page = await (
      await running.browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signIn(running.product, page);
  });

  const notice = () => page.getByTestId("request-limit-notice");
  const badge = () => page.getByTestId("admin-live");
  const secondsShown = async (pattern: RegExp) => {
    const text = (await page.getByTestId("request-limit-countdown").textContent()) ?? "";
    const match = pattern.exec(text);
    expect(match, text).not.toBeNull();
    return Number(match?.[1]);
  };

  /** Loads the audit log and statistics in turn until the limit refuses a call (30 ≈ 5 loads). */
  async function loadPagesUntilRefused() {
    const refused = refusals(page);
    for (let i = 0; i < 16; i++) {
      await page.goto(`${running.product.webUrl}/admin/${i % 2 === 0 ? "audit" : "stats"}`);
      await page.waitForLoadState("networkidle");
      if (await notice().isVisible()) return;
    }
    const shown = await page.getByRole("alert").allTextContents();
    throw new Error(
      `${refused.length} calls refused, no notice; the page says ${shown.join(" | ")}`,
    );
  }

  async function recovers() {
    await notice().waitFor({ state: "hidden", timeout: 100_000 });
    // The page the refused calls belonged to fills in once they go through.
    const path = new URL(page.url()).pathname;
    await page
      .getByTestId(path.endsWith("/audit") ? "audit-entry" : "stats-overview")
      .first()
      .waitFor(WAIT);
    await page
      .locator('[data-testid="admin-live"][data-state="live"]')
      .waitFor({ timeout: 90_000 });
    expect(await page.getByText("Unable to transform response").count()).toBe(0);
  }

  it("says 'too many requests, retrying in N s', counts down, and recovers by itself", async () => {
    await loadPagesUntilRefused();
    const pattern = /^Too many requests — retrying in (\d+) s$/;
    const first = await secondsShown(pattern);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await badge().getAttribute("data-state")).toBe("throttled");
    expect(await badge().textContent()).toBe("Paused");
    await screenshot(page, "console-rate-limited");
    if (first >= 3) {
      await page.waitForTimeout(2_100);
      if (await notice().isVisible()) expect(await secondsShown(pattern)).toBeLessThan(first);
    }
    await recovers();
    await screenshot(page, "console-rate-limit-recovered");
  }, 240_000);

  it("says it in Russian on a phone, too", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("language-switcher").selectOption("ru");
    await page.locator('html[lang="ru"]').waitFor(WAIT);
    await loadPagesUntilRefused();
    await secondsShown(/^Слишком много запросов — повтор через (\d+) с$/);
    expect(await badge().textContent()).toBe("Пауза");
    await screenshot(page, "console-rate-limited-ru-phone");
    await recovers();
    await screenshot(page, "console-rate-limit-recovered-ru-phone");
  }, 240_000);
});
