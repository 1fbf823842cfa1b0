import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";

// A web-chat customer on a phone, in Russian, attaches without the picker: a pasted screenshot and a
// dropped PDF; a message whose upload fails is taken back with its files, and then sent.

const WAIT = { timeout: 30_000 };
const fixture = (name: string) =>
  readFileSync(new URL(`../../api/test/fixtures/media/${name}`, import.meta.url));
const PHOTO = fixture("rash-photo.jpg");
const PDF = fixture("test-results.pdf");
const PHONE = { viewport: { width: 390, height: 844 }, locale: "ru-RU" };

const running = productAndBrowserForSuite();
let page: Page;

afterAll(async () => {
  await page?.context().close();
});

/** What the browser does when the visitor pastes a copied image into the focused field. */
function pasteFile(target: Page, file: { name: string; type: string; base64: string }) {
  return target.evaluate((f) => {
    const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], f.name, { type: f.type }));
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, file);
}

/** A file dragged from the desktop and dropped on the composer (dragover first, as browsers do). */
function dropFile(target: Page, file: { name: string; type: string; base64: string }) {
  return target.evaluate((f) => {
    const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], f.name, { type: f.type }));
    const composer = document.querySelector('[data-testid="composer"]');
    if (!composer) throw new Error("no composer");
    for (const type of ["dragenter", "dragover", "drop"]) {
      composer.dispatchEvent(
        new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }
  }, file);
}

describe("web chat: paste, drop and a withdrawn message keep the files", () => {
  it("pastes a photo and drops a PDF on a phone, in Russian", async () => {
    page = await (await running.browser.newContext(PHONE)).newPage();
    await page.goto(`${running.product.webUrl}/chat/demo_clinic`);
    const input = page.getByTestId("composer-input");
    await input.waitFor(WAIT);
    await input.focus();
    await pasteFile(page, {
      name: "снимок.jpg",
      type: "image/jpeg",
      base64: PHOTO.toString("base64"),
    });
    const chips = page.getByTestId("composer-files");
    await chips.getByText("снимок.jpg").waitFor(WAIT);
    await dropFile(page, {
      name: "анализы.pdf",
      type: "application/pdf",
      base64: PDF.toString("base64"),
    });
    await chips.getByText("анализы.pdf").waitFor(WAIT);
    // A type the chat does not take is named, not added — the same rule as the picker's.
    await pasteFile(page, { name: "notes.zip", type: "application/zip", base64: "UEsDBA==" });
    const problem = page.getByTestId("composer-file-problem");
    await problem.waitFor(WAIT);
    expect(await problem.textContent()).toContain("notes.zip");
    expect(await chips.locator("li").count()).toBe(2);
    // The text typed after pasting stays text.
    await input.fill("Снимок и анализы");
    await screenshot(page, "chat-attach-paste-drop-phone-ru");
  });

  it("a message whose upload failed is taken back with its files, then sent", async () => {
    // The upload route fails once, as a dropped connection would.
    let failures = 1;
    await page.route("**/files/web-chat", async (route) => {
      if (failures-- > 0) await route.abort("connectionreset");
      else await route.continue();
    });
    await page.getByTestId("composer-input").press("Enter");
    const withdraw = page.getByTestId("send-withdraw");
    await withdraw.waitFor(WAIT);
    await screenshot(page, "chat-attach-failed-phone-ru");
    // By keyboard: focus the button and press Enter.
    await withdraw.focus();
    await page.keyboard.press("Enter");
    const chips = page.getByTestId("composer-files");
    await chips.getByText("снимок.jpg").waitFor(WAIT);
    await chips.getByText("анализы.pdf").waitFor(WAIT);
    expect(await page.getByTestId("composer-input").inputValue()).toBe("Снимок и анализы");
    expect(await page.getByTestId("send-withdraw").count()).toBe(0);
    await screenshot(page, "chat-attach-withdrawn-phone-ru");

    await page.getByTestId("composer-input").press("Enter");
    const mine = page.locator('[data-testid="chat-message"][data-role="user"][data-state="sent"]');
    await mine.getByTestId("attachment-thumbnail").waitFor(WAIT);
    await mine.getByTestId("attachment-document").getByText("анализы.pdf").waitFor(WAIT);
    expect(await chips.count()).toBe(0);
    await screenshot(page, "chat-attach-sent-phone-ru");
  });
});
