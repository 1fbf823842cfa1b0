import type { BrowserContext, FileChooser, Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { buildPdf } from "@agents-crm/config/testing/pdf-fixture";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-knowledge-library-admin-token-0123456789";
const AGENT = "demo_clinic";
const PHONE = { viewport: { width: 390, height: 844 }, locale: "ru-RU" };
const PRICE_LIST = buildPdf([
  ["Price list 2026"],
  [
    "Price list: cleaning 3000, whitening 9000, implant 45000.",
    "This price list is valid for the whole year. Price list prices include the consultation.",
  ],
]);

const running = productAndBrowserForSuite({ ADMIN_TOKEN });
const contexts: BrowserContext[] = [];
let admin: Page;

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage() {
  const context = await running.browser.newContext(PHONE);
  contexts.push(context);
  return context.newPage();
}

const library = () => admin.getByTestId("knowledge-library");
const documentRow = (title: string) =>
  library().getByTestId("library-document").filter({ hasText: title });

/** Focuses `target` and presses `key`, as a keyboard user would after tabbing there. */
async function press(target: Locator, key: string) {
  await target.focus();
  expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
  await admin.keyboard.press(key);
}

describe("the knowledge library in the browser (phone, Russian)", () => {
  it("an admin uploads a PDF price list by the keyboard and watches it become ready", async () => {
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    admin = await newPage();
    await admin.goto(
      `${running.product.webUrl}/login?next=${encodeURIComponent(`/admin/agents/${AGENT}?tab=library`)}`,
    );
    await admin.getByTestId("login-email").fill(login.email);
    await admin.getByTestId("login-password").fill(login.password);
    await admin.getByTestId("login-submit").click();
    await admin.waitForURL(new RegExp(`/admin/agents/${AGENT}\\?tab=library$`), WAIT);
    await library().getByRole("heading", { name: "Библиотека знаний" }).waitFor(WAIT);
    await library().getByTestId("library-empty").waitFor(WAIT);
    await screenshot(admin, "knowledge-library-empty-phone-ru");

    await library().getByTestId("library-upload-folder").fill("Прайсы");
    // The picker is a console button, focused and pressed with the keyboard. The page may still be
    // hydrating right after the redirect, so press again until the picker opens.
    const picker = library().getByRole("button", { name: "Выбрать файл" });
    let chooser: FileChooser | null = null;
    for (let attempt = 0; attempt < 5 && !chooser; attempt++) {
      [chooser] = await Promise.all([
        admin.waitForEvent("filechooser", { timeout: 5_000 }).catch(() => null),
        press(picker, "Enter"),
      ]);
    }
    if (!chooser) throw new Error("the file input opened no picker");
    await chooser.setFiles([
      { name: "Прайс-лист.pdf", mimeType: "application/pdf", buffer: Buffer.from(PRICE_LIST) },
    ]);

    const row = documentRow("Прайс");
    await row.waitFor(WAIT);
    await expect.poll(() => row.getAttribute("data-state"), WAIT).toBe("ready");
    expect(await row.getByTestId("library-state").textContent()).toBe("Готов");
    expect(await row.textContent()).toContain("Прайсы/");
    expect(await row.locator("progress").count()).toBe(0);
    await screenshot(admin, "knowledge-library-ready-phone-ru");
  });

  it("marks it as sendable to customers with the keyboard", async () => {
    const sendable = documentRow("Прайс").getByTestId("library-sendable");
    expect(await sendable.isChecked()).toBe(false);
    await press(sendable, "Space");
    await expect.poll(() => sendable.isChecked(), WAIT).toBe(true);
    await expect.poll(() => sendable.isDisabled(), WAIT).toBe(false);
    const [doc] = await staffClient(running.product.apiUrl, ADMIN_TOKEN).knowledge.list.query({
      agentId: AGENT,
    });
    expect(doc).toMatchObject({ sendable: true, folder: "Прайсы", kind: "pdf" });
  });

  it("adds a text document in a new folder, filters by folder and renames one", async () => {
    await library().getByTestId("library-upload-folder").fill("Памятки");
    await library().getByText("Добавить текстовый документ").click();
    await library().getByTestId("library-text-title").fill("Перед чисткой");
    await library()
      .getByTestId("library-text-body")
      .fill("Перед профессиональной чисткой не ешьте за два часа до визита.");
    await library().getByTestId("library-text-add").click();
    await expect
      .poll(() => documentRow("Перед чисткой").getAttribute("data-state"), WAIT)
      .toBe("ready");

    const filter = library().getByTestId("library-folder-filter");
    await expect
      .poll(() => filter.locator("option").allTextContents(), WAIT)
      .toEqual(["Все папки", "Корень", "Памятки (1)", "Прайсы (1)"]);
    await filter.selectOption("Памятки");
    await expect.poll(() => library().getByTestId("library-document").count(), WAIT).toBe(1);
    expect(await library().getByTestId("library-upload-folder").inputValue()).toBe("Памятки");
    await screenshot(admin, "knowledge-library-folder-phone-ru");

    const row = documentRow("Перед чисткой");
    await row.getByRole("button", { name: "Переименовать или переместить" }).click();
    const title = row.getByLabel("Название");
    await title.fill("Памятка перед чисткой");
    await title.press("Enter");
    await documentRow("Памятка перед чисткой").waitFor(WAIT);
    await expect
      .poll(() => documentRow("Памятка перед чисткой").getAttribute("data-state"), WAIT)
      .toBe("ready");
    await filter.selectOption("*");
    await expect.poll(() => library().getByTestId("library-document").count(), WAIT).toBe(2);
  });

  it("a web-chat customer asks for the price list and receives the PDF from the agent", async () => {
    const customer = await newPage();
    await customer.goto(`${running.product.webUrl}/chat/${AGENT}`);
    await customer.getByTestId("composer-input").fill("Please send me your price list");
    await customer.getByTestId("composer-input").press("Enter");
    const agent = customer.locator('[data-testid="chat-message"][data-role="agent"]');
    const file = agent.getByTestId("attachment-document").filter({ hasText: "Прайс-лист.pdf" });
    await file.waitFor(WAIT);
    // The agent attaches the file to its reply: one message holds the words and the PDF.
    expect(await agent.count()).toBe(1);
    expect(await agent.textContent()).toContain("Прайс лист");
    await file.scrollIntoViewIfNeeded();
    await screenshot(customer, "knowledge-library-customer-phone-ru");
    const href = await file.getAttribute("href");
    expect(href).toBeTruthy();
    const download = await customer.request.get(new URL(href!, customer.url()).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("application/pdf");
    expect(Buffer.from(await download.body()).equals(Buffer.from(PRICE_LIST))).toBe(true);
  });

  it("moves the demo agent's inline sources into the library", async () => {
    await library().getByTestId("library-import-inline").click();
    await library().getByRole("status").filter({ hasText: "Перенесено" }).waitFor(WAIT);
    await expect
      .poll(() => library().getByTestId("library-document").count(), WAIT)
      .toBeGreaterThan(2);
    await expect
      .poll(
        async () =>
          (
            await library()
              .getByTestId("library-document")
              .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-state")))
          ).every((state) => state === "ready"),
        WAIT,
      )
      .toBe(true);
    await screenshot(admin, "knowledge-library-imported-phone-ru");
  });

  it("deletes a document after confirming, with the keyboard", async () => {
    const row = documentRow("Памятка перед чисткой");
    await press(row.getByTestId("library-delete"), "Enter");
    const dialog = admin.getByTestId("confirm-dialog");
    await dialog.getByText("«Памятка перед чисткой»").waitFor(WAIT);
    await screenshot(admin, "knowledge-library-delete-phone-ru");
    await press(dialog.getByRole("button", { name: "Удалить" }), "Enter");
    await row.waitFor({ state: "detached", ...WAIT });
    const docs = await staffClient(running.product.apiUrl, ADMIN_TOKEN).knowledge.list.query({
      agentId: AGENT,
    });
    expect(docs.map((d) => d.title)).not.toContain("Памятка перед чисткой");
  });
});
