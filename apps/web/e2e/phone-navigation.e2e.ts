import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { eventually } from "./helpers/processes";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-phone-navigation-admin-token-0123";
const PHONE = { width: 390, height: 844 };

const running = productAndBrowserForSuite({ ADMIN_TOKEN });
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(options: Parameters<typeof running.browser.newContext>[0]) {
  const context = await running.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, next: string) {
  const login = running.product.login;
  if (!login) throw new Error("the product printed no admin login");
  await page.goto(`${running.product.webUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`${next.replace(/\//g, "\\/")}$`), WAIT);
  await page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
}

/**
 * What is wider than the phone: how far the page scrolls sideways, and every box of the console's frame
 * (navigation, header) that scrolls sideways or reaches past the screen's right edge.
 */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    const frame: string[] = [];
    const boxes = document.querySelectorAll(
      '[data-testid="admin-nav"], [data-testid="admin-header"], [data-testid="admin-nav"] *, [data-testid="admin-header"] *',
    );
    for (const el of boxes) {
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const rect = el.getBoundingClientRect();
      // Nothing to see: not laid out, or text for screen readers only (a 1 px clipped box).
      if (rect.width <= 1 || el.closest(".sr-only")) continue;
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "visible") {
        frame.push(`${name(el)} scrolls sideways`);
      } else if (rect.right > width + 1) {
        frame.push(`${name(el)} ends at ${Math.round(rect.right)} px`);
      }
    }
    return { page: document.documentElement.scrollWidth - width, frame };
  });
}

/**
 * The rows the console's top takes on a phone: the navigation bar (brand and Menu) and the header's
 * controls, each visible control counted on the line its top sits on.
 */
function topRows(page: Page) {
  return page.evaluate(() => {
    const nav = document.querySelector('[data-testid="admin-nav"]');
    const header = document.querySelector('[data-testid="admin-header"]');
    const items = [
      ...(nav?.querySelector(":scope > div")?.children ?? []),
      ...(header?.querySelectorAll(":scope > :not(div), :scope > div > *") ?? []),
    ];
    const tops: number[] = [];
    for (const item of items) {
      const rect = item.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      const middle = rect.top + rect.height / 2;
      // Items on one line differ in height; their middles sit within a few pixels.
      if (!tops.some((top) => Math.abs(top - middle) < 12)) tops.push(middle);
    }
    return {
      rows: tops.length,
      items: items.length,
      bottom: Math.round(header?.getBoundingClientRect().bottom ?? 0),
    };
  });
}

/** Every header control, named for assistive technology, with its name (what a screen reader says). */
function headerControlNames(page: Page) {
  return page
    .getByTestId("admin-header")
    .locator("a, button, select")
    .evaluateAll((controls) =>
      controls.map(
        (el) =>
          el.getAttribute("aria-label") ??
          (el instanceof HTMLSelectElement ? el.labels?.[0]?.textContent : el.textContent) ??
          "",
      ),
    );
}

describe("the console on a phone (390 px), in Russian", () => {
  it("the top (navigation bar and header) takes at most two rows, in Russian and in English, with every control there", async () => {
    for (const locale of ["ru-RU", "en-US"]) {
      const page = await newPage({ viewport: PHONE, locale });
      await signIn(page, "/admin/conversations");
      await page.getByTestId("alerts-enable").or(page.getByTestId("alerts-toggle")).waitFor(WAIT);
      const top = await topRows(page);
      // Live status, language, alerts, profile and sign out are all still in the header.
      expect(top.items, locale).toBeGreaterThanOrEqual(2 + 5);
      expect(top.rows, `${locale}: ${JSON.stringify(top)}`).toBeLessThanOrEqual(2);
      for (const testId of ["admin-live", "language-switcher", "signed-in-user", "logout"]) {
        expect(await page.getByTestId(testId).isVisible(), `${locale} ${testId}`).toBe(true);
      }
      // Shortened on the phone, each control still says in full what it is.
      for (const name of await headerControlNames(page)) expect(name.trim(), locale).not.toBe("");
      expect((await sidewaysOverflow(page)).frame).toEqual([]);
      await screenshot(page, `phone-header-${locale.slice(0, 2)}`);
      // Keyboard: the header's controls are reached with Tab, sign out last.
      await page.getByTestId("language-switcher").focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
        locale,
      ).toBe("logout");
    }
  });

  it("no page is wider than the phone, and the navigation is a menu that fits", async () => {
    const { product } = running;
    const chat = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${product.webUrl}/trpc`, transformer: superjson })],
    });
    const customer = await chat.chat.start.mutate({ agentId: "demo_clinic" });
    await chat.chat.send.mutate({
      ...customer,
      content:
        "Здравствуйте, меня зовут Мария Иванова, запишите меня на приём. Мой телефон +7 912 345-67-89",
    });
    const staff = staffClient(product.apiUrl, ADMIN_TOKEN);
    const { conversationId } = customer;
    const contactId = await eventually("the customer's contact", async () => {
      const { conversation } = await staff.conversations.byId.query({ conversationId });
      return conversation.contactId ?? null;
    });

    const page = await newPage({ viewport: PHONE, locale: "ru-RU" });
    await signIn(page, "/admin/conversations");
    const pages: [path: string, ready: string][] = [
      ["/admin/conversations", '[data-testid="conversation-row"]'],
      [`/admin/conversations/${conversationId}`, '[data-testid="transcript"]'],
      ["/admin/pipeline", '[data-testid="pipeline-card"]'],
      ["/admin/contacts", '[data-testid="contact-row"]'],
      [`/admin/contacts/${contactId}`, '[data-testid="contact-detail"]'],
      ["/admin/agents", '[data-testid="agent-row"]'],
      ["/admin/stats", '[data-testid="stats-overview"]'],
      ["/admin/canned-responses", "main h1"],
      ["/admin/audit", '[data-testid="audit-entry"]'],
      ["/admin/users", '[data-testid="user-row"]'],
      ["/admin/notifications", "main h1"],
      ["/admin/channel-settings", "main h1"],
      ["/admin/profile", "main h1"],
    ];
    const problems: string[] = [];
    for (const [path, ready] of pages) {
      await page.goto(`${product.webUrl}${path}`);
      await page.locator(ready).first().waitFor(WAIT);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      const overflow = await sidewaysOverflow(page);
      if (overflow.page > 0)
        problems.push(`${path}: the page scrolls ${overflow.page} px sideways`);
      for (const what of overflow.frame) problems.push(`${path}: ${what}`);
      const slug = path.split("/")[2] ?? "home";
      if (path.split("/").length === 3) await screenshot(page, `phone-navigation-${slug}-ru`);
    }
    expect(problems).toEqual([]);
  });

  it("the menu opens, walks and closes with the keyboard alone", async () => {
    const page = await newPage({ viewport: PHONE, locale: "ru-RU" });
    await signIn(page, "/admin/conversations");
    const button = page.getByTestId("nav-menu-button");
    const links = page.getByTestId("admin-nav").getByRole("link");
    expect(await button.textContent()).toContain("Меню");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    // Closed, the sections take no room: only the brand and the button show.
    const contactsLink = page.getByTestId("admin-nav").locator('a[href="/admin/contacts"]');
    expect(await contactsLink.isHidden()).toBe(true);

    await button.focus();
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const sections = page.getByTestId("admin-nav").getByRole("listitem");
    expect(await sections.count()).toBe(10);
    // Every section, the longest Russian label too, is on the screen in full.
    for (const box of await sections.evaluateAll((items) =>
      items.map((item) => {
        const rect = item.getBoundingClientRect();
        return { left: rect.left, right: rect.right, text: item.textContent };
      }),
    )) {
      expect(box.left, box.text ?? "").toBeGreaterThanOrEqual(0);
      expect(box.right, box.text ?? "").toBeLessThanOrEqual(PHONE.width);
    }
    expect((await sidewaysOverflow(page)).frame).toEqual([]);
    await screenshot(page, "phone-navigation-menu-open-ru");

    // Tab walks into the sections; Escape closes from there and puts focus back on the button.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Диалоги");
    await page.keyboard.press("Escape");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    // Space opens it too; picking "Контакты" with Enter goes there and closes the menu.
    await page.keyboard.press(" ");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Контакты");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/contacts$/, WAIT);
    await expect.poll(() => button.getAttribute("aria-expanded"), WAIT).toBe("false");
    // (Closed, the sections are hidden from the accessibility tree too: read the link by its address.)
    expect(
      await page
        .getByTestId("admin-nav")
        .locator('a[href="/admin/contacts"]')
        .getAttribute("aria-current"),
    ).toBe("page");

    // Tabbing past the last section closes it (the page below is where focus went).
    await button.focus();
    await page.keyboard.press("Enter");
    for (let i = 0; i < (await links.count()); i++) await page.keyboard.press("Tab");
    await expect.poll(() => button.getAttribute("aria-expanded"), WAIT).toBe("false");
    await screenshot(page, "phone-navigation-contacts-after-menu-ru");
  });

  it("in English the same menu says Menu, and a wide screen keeps the sidebar without it", async () => {
    const phone = await newPage({ viewport: PHONE, locale: "en-US" });
    await signIn(phone, "/admin/conversations");
    expect(await phone.getByTestId("nav-menu-button").textContent()).toContain("Menu");
    await phone.getByTestId("nav-menu-button").click();
    expect((await sidewaysOverflow(phone)).frame).toEqual([]);
    await screenshot(phone, "phone-navigation-menu-open-en");

    const wide = await newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    await signIn(wide, "/admin/conversations");
    expect(await wide.getByTestId("nav-menu-button").isVisible()).toBe(false);
    expect(
      await wide.getByTestId("admin-nav").getByRole("link", { name: "Contacts" }).isVisible(),
    ).toBe(true);
  });
});
