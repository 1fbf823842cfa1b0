import { readFileSync } from "node:fs";
import type { BrowserContext, FileChooser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-media-outbound-admin-token-0123456789";
const STORAGE_KEY = "agents-crm:chat:demo_clinic";
const fixture = (name: string) =>
  readFileSync(new URL(`../../api/test/fixtures/media/${name}`, import.meta.url));
const PHOTO = fixture("rash-photo.jpg");
const PDF = fixture("test-results.pdf");
const PHONE = { viewport: { width: 390, height: 844 }, locale: "ru-RU" };

const running = productAndBrowserForSuite({ ADMIN_TOKEN });
const contexts: BrowserContext[] = [];
let customer: Page;
let conversationId = "";

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(options: Parameters<typeof running.browser.newContext>[0]) {
  const context = await running.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

/** Files handed to the page as a clipboard paste or a drop would carry them. */
function dispatchFiles(
  page: Page,
  testId: string,
  event: "paste" | "drop",
  files: { name: string; type: string; base64: string }[],
) {
  return page.evaluate(
    ({ testId, event, files }) => {
      const target = document.querySelector(`[data-testid="${testId}"]`);
      if (!target) throw new Error(`no ${testId}`);
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      if (event === "paste") {
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
      } else {
        target.dispatchEvent(
          new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        target.dispatchEvent(
          new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    { testId, event, files },
  );
}

describe("staff send an image and a PDF to a web-chat customer (phones, Russian)", () => {
  it("the customer asks for the price list", async () => {
    customer = await newPage(PHONE);
    await customer.goto(`${running.product.webUrl}/chat/demo_clinic`);
    await customer
      .getByTestId("composer-input")
      .fill("Пришлите, пожалуйста, прайс и схему проезда");
    await customer.getByTestId("composer-input").press("Enter");
    await customer
      .locator('[data-testid="chat-message"][data-role="user"][data-state="sent"]')
      .waitFor(WAIT);
    const session = await customer.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? "null") as { conversationId: string } | null,
      STORAGE_KEY,
    );
    if (!session) throw new Error("no chat session");
    conversationId = session.conversationId;
  });

  it("staff attach a photo by the keyboard-reachable picker and a PDF by paste; a refused file says why", async () => {
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    const page = await newPage(PHONE);
    await page.goto(
      `${running.product.webUrl}/login?next=${encodeURIComponent(`/admin/conversations/${conversationId}`)}`,
    );
    await page.getByTestId("login-email").fill(login.email);
    await page.getByTestId("login-password").fill(login.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(new RegExp(`/admin/conversations/${conversationId}$`), WAIT);

    // The picker: a real button, focused and pressed with the keyboard.
    const attach = page.getByTestId("attach-button");
    await attach.focus();
    expect(await attach.getAttribute("aria-label")).toBe("Прикрепить файл");
    // The page may still be hydrating right after the redirect: press again until the picker opens.
    let chooser: FileChooser | null = null;
    for (let attempt = 0; attempt < 5 && !chooser; attempt++) {
      await attach.focus();
      [chooser] = await Promise.all([
        page.waitForEvent("filechooser", { timeout: 5_000 }).catch(() => null),
        page.keyboard.press("Enter"),
      ]);
    }
    if (!chooser) throw new Error("the attach button opened no file picker");
    await chooser.setFiles([{ name: "схема.jpg", mimeType: "image/jpeg", buffer: PHOTO }]);

    // A PDF pasted into the reply box, and an executable dropped on it (refused inline, removable).
    await dispatchFiles(page, "admin-reply", "paste", [
      { name: "Прайс.pdf", type: "application/pdf", base64: PDF.toString("base64") },
    ]);
    await dispatchFiles(page, "composer-drop-zone", "drop", [
      { name: "setup.exe", type: "application/x-msdownload", base64: "TVqQAAMAAAAEAAAA" },
    ]);
    const tray = page.getByTestId("outbound-attachments");
    const ready = tray.locator('[data-testid="outbound-attachment"][data-state="ready"]');
    await expect.poll(() => ready.count(), WAIT).toBe(2);
    const refused = tray.getByTestId("outbound-attachment-error");
    expect(await refused.textContent()).toBe("Файл такого типа отправить нельзя (setup.exe).");
    expect(await page.getByTestId("admin-send").isDisabled()).toBe(true);
    await screenshot(page, "media-outbound-composer-phone-ru");

    await tray.getByRole("button", { name: "Убрать setup.exe" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => tray.getByTestId("outbound-attachment").count(), WAIT).toBe(2);

    await page.getByTestId("admin-reply").fill("Вот прайс и схема проезда");
    await page.getByTestId("admin-send").click();
    await tray.waitFor({ state: "detached", ...WAIT });
    await screenshot(page, "media-outbound-sent-console-phone-ru");

    const messages = await staffClient(
      running.product.apiUrl,
      ADMIN_TOKEN,
    ).conversations.messages.query({
      conversationId,
    });
    const sent = messages.items.find((m) => m.role === "admin");
    expect(sent?.content).toBe("Вот прайс и схема проезда");
    expect(sent?.attachments?.map((a) => [a.kind, a.name])).toEqual([
      ["image", "схема.jpg"],
      ["document", "Прайс.pdf"],
    ]);
  });

  it("the customer sees the photo and the PDF under the staff's words", async () => {
    const theirs = customer.locator('[data-testid="chat-message"][data-role="admin"]');
    await theirs.getByText("Вот прайс и схема проезда").waitFor(WAIT);
    await theirs.getByTestId("attachment-thumbnail").waitFor(WAIT);
    await theirs.getByTestId("attachment-document").getByText("Прайс.pdf").waitFor(WAIT);
    await theirs.getByTestId("attachment-thumbnail").scrollIntoViewIfNeeded();
    await screenshot(customer, "media-outbound-customer-phone-ru");
  });
});
