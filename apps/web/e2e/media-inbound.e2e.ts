import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-media-inbound-admin-token-0123456789";
const STORAGE_KEY = "agents-crm:chat:demo_clinic";
const fixture = (name: string) =>
  readFileSync(new URL(`../../api/test/fixtures/media/${name}`, import.meta.url));
const PHOTO = fixture("rash-photo.jpg");
const PDF = fixture("test-results.pdf");
const PHONE = { viewport: { width: 390, height: 844 }, locale: "ru-RU" };

const running = productAndBrowserForSuite({ ADMIN_TOKEN });
const contexts: BrowserContext[] = [];
let conversationId = "";

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(options: Parameters<typeof running.browser.newContext>[0]) {
  const context = await running.browser.newContext({ acceptDownloads: true, ...options });
  contexts.push(context);
  return context.newPage();
}

const storedSession = (page: Page) =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { conversationId: string; token: string }) : null;
  }, STORAGE_KEY);

describe("a web-chat customer's photo and PDF reach staff", () => {
  it("the customer attaches a photo and a PDF on a phone, in Russian, and sees what they sent", async () => {
    const page = await newPage(PHONE);
    await page.goto(`${running.product.webUrl}/chat/demo_clinic`);
    await page.getByTestId("composer-input").waitFor(WAIT);
    // The picker is opened by a real button (keyboard: focus it, Enter); the files go in like a picker's.
    await page.getByTestId("composer-attach").focus();
    await page.getByTestId("composer-file-input").setInputFiles([
      { name: "сыпь.jpg", mimeType: "image/jpeg", buffer: PHOTO },
      { name: "анализы.pdf", mimeType: "application/pdf", buffer: PDF },
    ]);
    const chips = page.getByTestId("composer-files");
    await chips.getByText("сыпь.jpg").waitFor(WAIT);
    await chips.getByText("анализы.pdf").waitFor(WAIT);
    await page.getByTestId("composer-input").fill("Сыпь на руке и мои анализы");
    await screenshot(page, "media-inbound-chat-attach-phone-ru");
    await page.getByTestId("composer-input").press("Enter");

    const mine = page.locator('[data-testid="chat-message"][data-role="user"][data-state="sent"]');
    await mine.getByTestId("attachment-thumbnail").waitFor(WAIT);
    await mine.getByTestId("attachment-document").getByText("анализы.pdf").waitFor(WAIT);
    await mine.getByText("Сыпь на руке и мои анализы").waitFor(WAIT);
    expect(await chips.count()).toBe(0);
    await screenshot(page, "media-inbound-chat-sent-phone-ru");
    const session = await storedSession(page);
    if (!session) throw new Error("no chat session");
    conversationId = session.conversationId;
  });

  it("staff on a phone, in Russian, see the thumbnail, open it full size by keyboard and download the PDF", async () => {
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

    const transcript = page.getByTestId("transcript");
    const thumbnail = transcript.getByTestId("attachment-thumbnail");
    await thumbnail.waitFor(WAIT);
    const image = thumbnail.locator("img");
    expect(await image.getAttribute("alt")).toContain("Фото");
    // The thumbnail is a real image the API served to staff.
    await page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth === 96,
      await image.elementHandle(),
      WAIT,
    );
    await thumbnail.scrollIntoViewIfNeeded();
    await screenshot(page, "media-inbound-console-thumbnail-phone-ru");

    await thumbnail.focus();
    await page.keyboard.press("Enter");
    const viewer = page.getByTestId("attachment-viewer");
    await viewer.locator("img").waitFor({ state: "visible", ...WAIT });
    await screenshot(page, "media-inbound-console-viewer-phone-ru");
    await page.keyboard.press("Escape");
    await viewer.locator("img").waitFor({ state: "detached", ...WAIT });

    const pdf = transcript.getByTestId("attachment-document");
    expect(await pdf.getAttribute("aria-label")).toMatch(/Скачать анализы\.pdf/);
    const [download] = await Promise.all([page.waitForEvent("download", WAIT), pdf.click()]);
    expect(download.suggestedFilename()).toBe("анализы.pdf");
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of saved) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);

    // A stranger (no session) gets nothing.
    const url = await image.getAttribute("src");
    const stranger = await fetch(new URL(url ?? "", running.product.webUrl));
    expect([401, 404]).toContain(stranger.status);
    const messages = await staffClient(
      running.product.apiUrl,
      ADMIN_TOKEN,
    ).conversations.messages.query({
      conversationId,
    });
    expect(messages.items.find((m) => m.role === "user")?.attachments).toHaveLength(2);
  });
});
