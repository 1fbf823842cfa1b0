import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { BrowserContext, Page } from "playwright-core";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";
import { staffClient } from "./helpers/trpc";

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-notes-admin-token-0123456789";
const BORIS = { name: "Boris Operator", email: "boris@clinic.test", password: "boris-password-1" };
/** A word only the note holds: the customer must never see it. */
const SECRET = "Kumquatnote";

const running = productAndBrowserForSuite({ ADMIN_TOKEN });
const contexts: BrowserContext[] = [];
let anna: Page;
let boris: Page;
let conversationId = "";
let customer: { conversationId: string; token: string };

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

const customerClient = () =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${running.product.webUrl}/trpc`, transformer: superjson })],
  });

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
  await page.waitForURL(new RegExp(`${next.replace(/\//g, "\\/")}$`), WAIT);
}

const live = (page: Page) =>
  page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);

describe("internal notes between two staff members", () => {
  it("one writes a note mentioning the other with the keyboard; the other is told live and sees it", async () => {
    const { product } = running;
    const login = product.login;
    if (!login) throw new Error("the product printed no admin login");
    await staffClient(product.apiUrl, ADMIN_TOKEN).users.create.mutate({
      ...BORIS,
      role: "operator",
    });
    const chat = customerClient();
    customer = await chat.chat.start.mutate({ agentId: "demo_clinic" });
    await chat.chat.send.mutate({
      ...customer,
      content: "Do you accept insurance from my employer?",
    });
    conversationId = customer.conversationId;

    // Boris: an operator on a phone, in Russian, on the inbox.
    boris = await newPage({ viewport: { width: 390, height: 844 }, locale: "ru-RU" });
    await signIn(boris, BORIS.email, BORIS.password, "/admin/conversations");
    await live(boris);

    anna = await newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    await signIn(anna, login.email, login.password, `/admin/conversations/${conversationId}`);
    await live(anna);
    await anna.getByTestId("transcript").getByText("Do you accept insurance").waitFor(WAIT);

    // Keyboard only: the mode is a radio group (arrow keys), @ opens the picker, Enter picks and adds.
    await anna.getByTestId("composer-mode-reply").focus();
    await anna.keyboard.press("ArrowRight");
    expect(await anna.getByTestId("composer-mode-note").isChecked()).toBe(true);
    await anna.getByTestId("admin-note").focus();
    await anna.keyboard.type(`Insurance ${SECRET} is not on our list. @bor`);
    await anna.getByTestId("mention-picker").getByText("@Boris Operator").waitFor(WAIT);
    await screenshot(anna, "notes-mention-picker");
    await anna.keyboard.press("Enter");
    expect(await anna.getByTestId("admin-note").inputValue()).toBe(
      `Insurance ${SECRET} is not on our list. @Boris Operator `,
    );
    await anna.keyboard.type("can you call her back?");
    await anna.keyboard.press("Enter");

    const annaNote = anna.getByTestId("message-note");
    await annaNote.getByText("can you call her back?").waitFor(WAIT);
    expect(await annaNote.getByText("Internal note").count()).toBe(1);
    expect(await anna.getByTestId("admin-note").inputValue()).toBe("");
    await screenshot(anna, "notes-transcript");

    // Boris is told live, in Russian, and the toast leads to the conversation.
    const toast = boris.getByTestId("mention-toasts");
    await toast.getByText("упоминает вас в заметке").waitFor(WAIT);
    await screenshot(boris, "notes-mention-toast-phone-ru");
    await toast.getByRole("link").click();
    await boris.waitForURL(new RegExp(`/admin/conversations/${conversationId}$`), WAIT);
    const borisNote = boris.getByTestId("message-note");
    await borisNote.getByText("can you call her back?").waitFor(WAIT);
    expect(await borisNote.getByText("Заметка").count()).toBe(1);
    // Only the author edits or deletes.
    expect(await borisNote.getByTestId("note-edit").count()).toBe(0);
    await borisNote.scrollIntoViewIfNeeded();
    await screenshot(boris, "notes-transcript-phone-ru");

    const history = await customerClient().chat.history.query(customer);
    expect(JSON.stringify(history)).not.toContain(SECRET);
    expect(history.items.map((m) => m.role)).not.toContain("note");
  });

  it("the author edits and deletes the note; the colleague's page follows live", async () => {
    const annaNote = anna.getByTestId("message-note");
    await annaNote.getByTestId("note-edit").click();
    const box = annaNote.getByTestId("note-edit-box");
    await box.fill("Insurance checked: not covered. Boris calls her.");
    await box.press("Enter");
    await annaNote.getByText("Boris calls her.").waitFor(WAIT);
    await annaNote.getByText("(edited)").waitFor(WAIT);
    await boris.getByTestId("message-note").getByText("Boris calls her.").waitFor(WAIT);
    await boris.getByTestId("message-note").getByText("(изменено)").waitFor(WAIT);

    await annaNote.getByTestId("note-delete").click();
    await anna.getByTestId("note-delete-confirm").click();
    await anna.getByTestId("note-deleted").waitFor(WAIT);
    await boris.getByTestId("note-deleted").getByText("удалил(а) заметку").waitFor(WAIT);
    expect(await boris.getByTestId("message-note").count()).toBe(0);
    await screenshot(boris, "notes-deleted-phone-ru");

    // The audit log names who did what.
    await anna.goto(`${running.product.webUrl}/admin/audit`);
    await anna.getByText("Added a note in conversation").first().waitFor(WAIT);
    await anna.getByText("Deleted a note in conversation").first().waitFor(WAIT);
    await screenshot(anna, "notes-audit");
  });

  it("editing a note offers colleagues after @ too (phone, Russian, keyboard only); only the newly mentioned is told", async () => {
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    // Boris writes a note of his own on his phone, keyboard only.
    await boris.getByTestId("composer-mode-reply").focus();
    await boris.keyboard.press("ArrowRight");
    await boris.getByTestId("admin-note").focus();
    await boris.keyboard.type("Перезвоню ей завтра");
    await boris.keyboard.press("Enter");
    const written = boris.getByTestId("message-note").filter({ hasText: "Перезвоню ей завтра" });
    await written.waitFor(WAIT);
    // By its id: while it is edited, its text is in the box, not in the card.
    const noteId = await written.getAttribute("data-message-id");
    const borisNote = boris.locator(`[data-testid="message-note"][data-message-id="${noteId}"]`);

    await borisNote.getByTestId("note-edit").focus();
    await boris.keyboard.press("Enter");
    const box = borisNote.getByTestId("note-edit-box");
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    // On the phone the box takes the screen's width, and Save and Cancel are whole on the screen:
    // nothing covers or clips them (what is at their middle is the button itself).
    // (The card fills the transcript's column; the box fills the card, three quarters of the screen.)
    const widths = await borisNote.evaluate((row) => ({
      row: row.getBoundingClientRect().width,
      card: row.firstElementChild?.getBoundingClientRect().width ?? 0,
    }));
    expect(widths.card).toBeCloseTo(widths.row, 0);
    expect((await box.boundingBox())?.width).toBeGreaterThanOrEqual(390 * 0.75);
    // Without scrolling by hand: the transcript scrolls inside its own box, whose bottom edge cut them off.
    for (const name of ["Сохранить", "Отмена"]) {
      const button = borisNote.getByRole("button", { name, exact: true });
      const rect = await button.boundingBox();
      if (!rect) throw new Error(`${name} is not laid out`);
      expect(rect.x, name).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width, name).toBeLessThanOrEqual(390);
      expect(rect.width, name).toBeGreaterThan(40);
      const hit = await boris.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest("button")?.textContent ?? null,
        { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 },
      );
      expect(hit, name).toBe(name);
      // Whole: its bottom is inside the transcript's visible box and the screen.
      const visibleBottom = await boris
        .getByTestId("transcript")
        .evaluate((el) => Math.min(el.getBoundingClientRect().bottom, window.innerHeight));
      expect(rect.y + rect.height, name).toBeLessThanOrEqual(visibleBottom);
    }
    await box.focus();
    await screenshot(boris, "notes-edit-box-phone-ru");
    // Tab from the box reaches Save, then Cancel.
    await boris.keyboard.press("Tab");
    expect(await boris.evaluate(() => document.activeElement?.textContent)).toBe("Сохранить");
    await boris.keyboard.press("Tab");
    expect(await boris.evaluate(() => document.activeElement?.textContent)).toBe("Отмена");
    await box.focus();
    // To the end of the text (End alone stops at the end of a wrapped line).
    await boris.keyboard.press("Control+End");
    await boris.keyboard.type(", @loc");
    const picker = borisNote.getByTestId("mention-picker");
    await picker.getByText("@Local admin").waitFor(WAIT);
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    await screenshot(boris, "notes-edit-mention-picker-phone-ru");
    // ↓ moves (one colleague matches: it stays on it), Enter picks it and does not save yet.
    await boris.keyboard.press("ArrowDown");
    await boris.keyboard.press("Enter");
    expect(await box.inputValue()).toBe("Перезвоню ей завтра, @Local admin ");
    // Escape closes the picker first; the edit stays open.
    await boris.keyboard.type("@bor");
    await picker.waitFor(WAIT);
    await boris.keyboard.press("Escape");
    await picker.waitFor({ state: "detached", ...WAIT });
    expect(await box.isVisible()).toBe(true);
    for (let i = 0; i < 4; i++) await boris.keyboard.press("Backspace");
    await boris.keyboard.type("согласуйте время");
    await boris.keyboard.press("Enter");
    await borisNote.getByText("@Local admin согласуйте время").waitFor(WAIT);
    await borisNote.getByText("(изменено)").waitFor(WAIT);

    // The admin, newly mentioned by the edit, is told live.
    const toast = anna.getByTestId("mention-toasts");
    await toast.getByText("Boris Operator mentioned you in a note").waitFor(WAIT);
    await screenshot(anna, "notes-edit-mention-toast");
    await screenshot(boris, "notes-edited-phone-ru");

    // Escape cancels an edit, keeping the note as it was; Ctrl+Enter saves like Enter.
    await borisNote.getByTestId("note-edit").focus();
    await boris.keyboard.press("Enter");
    await boris.keyboard.press("Control+End");
    await boris.keyboard.type(" — отменено");
    await boris.keyboard.press("Escape");
    await box.waitFor({ state: "detached", ...WAIT });
    expect(await borisNote.textContent()).not.toContain("отменено");
    expect(
      await borisNote.getByTestId("note-edit").evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await boris.keyboard.press("Enter");
    await boris.keyboard.press("Control+End");
    await boris.keyboard.type(" до обеда");
    await boris.keyboard.press("Control+Enter");
    await borisNote.getByText("согласуйте время до обеда").waitFor(WAIT);
  });
});
