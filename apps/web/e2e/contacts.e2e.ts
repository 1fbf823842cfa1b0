import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { eventually } from "./helpers/processes";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-contacts-admin-token-0123456789";
const OLGA = { name: "Olga Operator", email: "olga@clinic.test", password: "olga-password-1" };
const PHONE = "+4915123456789";
/** A word only Maria's first message holds. */
const WORD = "Weisheitszahn";

const running = productAndBrowserForSuite({ ADMIN_TOKEN });
const contexts: BrowserContext[] = [];
let anna: Page;
let maria = { conversationId: "", token: "" };
let mariaContactId = "";

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

const customerClient = () =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${running.product.webUrl}/trpc`, transformer: superjson })],
  });
const staff = () => staffClient(running.product.apiUrl, ADMIN_TOKEN);

async function newPage(options: Parameters<typeof running.browser.newContext>[0]) {
  const context = await running.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`${running.product.webUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`), WAIT);
}

async function customerWrites(content: string) {
  const chat = customerClient();
  const session = await chat.chat.start.mutate({ agentId: "demo_clinic" });
  await chat.chat.send.mutate({ ...session, content });
  return session;
}

/** The inbox search box, typed like a person (the box waits for a pause before it searches). */
async function searchInbox(page: Page, text: string) {
  const box = page.getByTestId("filter-search");
  await box.fill(text);
}

const row = (page: Page, conversationId: string) =>
  page.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);

describe("contacts: one record per person, found by anything staff see", () => {
  it("a customer's name and phone from the web chat make a contact staff can see", async () => {
    const { product } = running;
    const login = product.login;
    if (!login) throw new Error("the product printed no admin login");
    await staff().users.create.mutate({ ...OLGA, role: "operator" });

    maria = await customerWrites(
      `Hello, my name is Maria Ivanova. My ${WORD} hurts, can I come on Thursday? My phone is +49 151 2345 6789`,
    );
    const found = await eventually("Maria's contact", async () => {
      const page = await staff().contacts.list.query({ search: PHONE });
      return page.items.find((c) => c.phones.includes(PHONE)) ?? null;
    });
    mariaContactId = found.contactId;

    anna = await newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    await signIn(anna, login.email, login.password, "/admin/contacts");
    const mariaRow = anna.locator(
      `[data-testid="contact-row"][data-contact-id="${mariaContactId}"]`,
    );
    await mariaRow.waitFor(WAIT);
    expect(await mariaRow.getByTestId("contact-name").textContent()).toBe("Maria Ivanova");
    expect(await mariaRow.getByTestId("contact-reach").textContent()).toContain(PHONE);
    expect(await mariaRow.locator('[data-channel="web_chat"]').count()).toBe(1);
    await screenshot(anna, "contacts-list");
  });

  it("staff find her by the phone in another format, a word of her first message and the short id", async () => {
    await anna.goto(`${running.product.webUrl}/admin/conversations`);
    const mine = row(anna, maria.conversationId);
    await mine.waitFor(WAIT);
    // The row names the person, not "Web visitor".
    expect(await mine.textContent()).toContain("Maria Ivanova");

    // The phone as a receptionist types it finds both the person and her conversation.
    await searchInbox(anna, "0049 (151) 2345-6789");
    await anna.waitForURL(/search=0049/, WAIT);
    await anna.getByTestId("people-result").getByText("Maria Ivanova").waitFor(WAIT);
    await mine.waitFor(WAIT);
    await screenshot(anna, "contacts-inbox-search-phone");

    await searchInbox(anna, WORD.toLowerCase());
    await anna.waitForURL(/search=weisheitszahn/, WAIT);
    await mine.waitFor(WAIT);

    await searchInbox(anna, `#${maria.conversationId.slice(-6).toLowerCase()}`);
    await anna.waitForURL(/search=%23/, WAIT);
    await mine.waitFor(WAIT);
    expect(await anna.getByTestId("conversation-row").count()).toBe(1);

    // The contacts list's own box finds her by the phone too.
    await anna.goto(`${running.product.webUrl}/admin/contacts`);
    await anna.getByTestId("contacts-search").fill("+49 151 23 45 67 89");
    await anna.waitForURL(/search=/, WAIT);
    await anna.getByTestId("contact-name").getByText("Maria Ivanova").waitFor(WAIT);
  });

  it("a label added on her conversation filters the inbox; one on her contact filters the contacts", async () => {
    await anna.goto(`${running.product.webUrl}/admin/conversations/${maria.conversationId}`);
    await anna.getByTestId("conversation-detail").waitFor(WAIT);
    // The title names her once her contact is read (instead of "Web visitor").
    await anna.locator("h1").getByText("Maria Ivanova").waitFor(WAIT);
    const input = anna.getByTestId("conversation-labels-input");
    await input.fill("Wisdom tooth");
    await input.press("Enter");
    await anna.getByTestId("conversation-labels").getByText("wisdom tooth").waitFor(WAIT);
    await screenshot(anna, "contacts-conversation-labels");

    await anna.goto(`${running.product.webUrl}/admin/conversations?label=wisdom+tooth`);
    await row(anna, maria.conversationId)
      .getByTestId("label-chip")
      .getByText("wisdom tooth")
      .waitFor(WAIT);
    expect(await anna.getByTestId("conversation-row").count()).toBe(1);

    // Her contact: a label and a custom attribute, by keyboard.
    await anna.getByTestId("open-contact").first().click();
    await anna.waitForURL(new RegExp(`/admin/contacts/${mariaContactId}$`), WAIT);
    await anna.getByTestId("contact-title").getByText("Maria Ivanova").waitFor(WAIT);
    await anna.getByTestId("timeline-entry").first().waitFor(WAIT);
    const contactLabel = anna.getByTestId("contact-labels-input");
    await contactLabel.fill("VIP");
    await contactLabel.press("Enter");
    await anna.getByTestId("contact-labels").getByText("vip").waitFor(WAIT);

    await anna.getByTestId("attribute-add").click();
    await anna.getByTestId("attribute-key").last().fill("insurance");
    await anna.keyboard.press("Tab");
    await anna.keyboard.type("AOK");
    await anna.getByTestId("contact-save").click();
    await anna.getByTestId("contact-saved").waitFor(WAIT);
    const stored = await staff().contacts.byId.query({ contactId: mariaContactId });
    expect(stored.contact.attributes).toEqual({ insurance: "AOK" });
    expect(stored.contact.labels).toEqual(["vip"]);
    await screenshot(anna, "contacts-detail");

    await anna.goto(`${running.product.webUrl}/admin/contacts?label=vip`);
    await anna
      .locator(`[data-testid="contact-row"][data-contact-id="${mariaContactId}"]`)
      .waitFor(WAIT);
    expect(await anna.getByTestId("contact-row").count()).toBe(1);
  });

  it("a second visitor with the same phone is suggested for merging; merged, then undone", async () => {
    await customerWrites("Hi, it's me again from my laptop, phone 0049 151 23456789");
    const other = await eventually("the second visitor's contact", async () => {
      const page = await staff().contacts.list.query({ search: PHONE });
      return page.items.find((c) => c.contactId !== mariaContactId) ?? null;
    });

    await anna.goto(`${running.product.webUrl}/admin/contacts/${mariaContactId}`);
    const suggestion = anna.locator(
      `[data-testid="merge-suggestion"][data-contact-id="${other.contactId}"]`,
    );
    await suggestion.waitFor(WAIT);
    await screenshot(anna, "contacts-merge-suggestion");
    await suggestion.getByTestId("merge-open").click();
    const dialog = anna.getByTestId("confirm-dialog");
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain("Maria Ivanova");
    await screenshot(anna, "contacts-merge-dialog");
    await dialog.getByTestId("confirm").click();
    await anna.getByTestId("merge-done").waitFor(WAIT);
    await anna.locator('[data-testid="timeline-entry"]').nth(1).waitFor(WAIT);
    expect(await anna.getByTestId("timeline-entry").count()).toBe(2);
    await screenshot(anna, "contacts-merged");

    await anna.getByTestId("merge-undo").click();
    await anna.getByTestId("merge-undone").waitFor(WAIT);
    await suggestion.waitFor(WAIT);
    expect(await anna.getByTestId("timeline-entry").count()).toBe(1);
  });

  it("exports the contacts as CSV", async () => {
    await anna.goto(`${running.product.webUrl}/admin/contacts`);
    const [download] = await Promise.all([
      anna.waitForEvent("download", WAIT),
      anna.getByTestId("contacts-export-csv").click(),
    ]);
    const path = await download.path();
    const csv = await readFile(path, "utf8");
    expect(csv).toContain("Maria Ivanova");
    expect(csv).toContain(PHONE);
  });

  it("an operator on a phone, in Russian: the list and the contact, without erase or import", async () => {
    const olga = await newPage({ viewport: { width: 390, height: 844 }, locale: "ru-RU" });
    await signIn(olga, OLGA.email, OLGA.password, "/admin/contacts");
    await olga.getByRole("heading", { name: "Контакты" }).waitFor(WAIT);
    await olga.getByTestId("contact-row").first().waitFor(WAIT);
    // Whole-list export and import are owner/admin only (the API refuses operators): none is offered.
    expect(await olga.getByTestId("contacts-import-csv").count()).toBe(0);
    expect(await olga.getByTestId("contacts-export-csv").count()).toBe(0);
    // The second visitor is known only by the number: shown once, as the name, on one line.
    const byNumber = olga
      .getByTestId("contact-row")
      .filter({ has: olga.getByTestId("contact-name").getByText(PHONE, { exact: true }) });
    await byNumber.waitFor(WAIT);
    expect(await byNumber.getByTestId("contact-reach").count()).toBe(0);
    const nameBox = await byNumber.getByTestId("contact-name").boundingBox();
    expect(nameBox?.height ?? 0).toBeLessThan(32);
    await screenshot(olga, "contacts-list-phone-ru");

    await olga.goto(`${running.product.webUrl}/admin/contacts/${mariaContactId}`);
    await olga.getByTestId("contact-title").waitFor(WAIT);
    await olga.getByText("Заметки о человеке").waitFor(WAIT);
    // Nor the person's JSON export or erasure.
    expect(await olga.getByTestId("contact-erase").count()).toBe(0);
    expect(await olga.getByTestId("contact-export-json").count()).toBe(0);
    // A note about the person, by keyboard.
    await olga.getByTestId("contact-note-box").fill("Предпочитает звонки после 18:00");
    await olga.getByTestId("contact-note-box").press("Enter");
    await olga.getByTestId("contact-note").getByText("после 18:00").waitFor(WAIT);
    await screenshot(olga, "contacts-detail-phone-ru");
  });
});
