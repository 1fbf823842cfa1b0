import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";

const WAIT = { timeout: 30_000 };
const OPERATOR = { name: "Rita Reception", email: "rita@clinic.test" };
const NEW_OWNER_PASSWORD = "the owner's own secret";

const running = productAndBrowserForSuite();
const contexts: BrowserContext[] = [];
let owner: Page;
let ownerPassword = "";
let operatorPassword = "";

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(options: Parameters<typeof running.browser.newContext>[0] = {}) {
  const context = await running.browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`${running.product.webUrl}${next}`);
  await page.waitForURL(/\/login\?next=/, WAIT);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`${next}$`), WAIT);
}

const live = (page: Page) =>
  page.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe("your own password, and resetting someone else's", () => {
  it("changes the printed password from the profile page, with the keyboard; other sessions end", async () => {
    const login = running.product.login;
    if (!login) throw new Error("the product printed no admin login");
    ownerPassword = login.password;
    const file = join(running.product.dataDir, "initial-admin.json");
    expect(await exists(file)).toBe(true);

    owner = await newPage();
    await signIn(owner, login.email, ownerPassword, "/admin/conversations");
    // The same account in another browser: changing the password signs it out.
    const elsewhere = await newPage();
    await signIn(elsewhere, login.email, ownerPassword, "/admin/conversations");
    await live(elsewhere);

    await owner.getByTestId("signed-in-user").click();
    await owner.waitForURL(/\/admin\/profile$/, WAIT);
    await owner.getByTestId("profile-account").getByText(login.email).waitFor(WAIT);

    // Keyboard only: type, Tab to the next field, Enter submits.
    await owner.getByTestId("current-password").focus();
    await owner.keyboard.type("not my password");
    await owner.keyboard.press("Tab");
    await owner.keyboard.type("short");
    await owner.keyboard.press("Tab");
    await owner.keyboard.type("short");
    await owner.keyboard.press("Enter");
    await owner
      .getByTestId("new-password-problem")
      .getByText("At least 10 characters")
      .waitFor(WAIT);

    await owner.getByTestId("new-password").fill(NEW_OWNER_PASSWORD);
    await owner.getByTestId("confirm-password").fill(NEW_OWNER_PASSWORD);
    await owner.getByTestId("confirm-password").press("Enter");
    await owner
      .getByTestId("current-password-problem")
      .getByText("This is not your current password")
      .waitFor(WAIT);
    await screenshot(owner, "profile-wrong-current");

    await owner.getByTestId("current-password").fill(ownerPassword);
    await owner.getByTestId("current-password").press("Enter");
    await owner
      .getByTestId("password-changed")
      .getByText("1 other session was signed out")
      .waitFor(WAIT);
    expect(await owner.getByTestId("current-password").inputValue()).toBe("");
    await screenshot(owner, "profile-changed");

    await elsewhere.waitForURL(/\/login/, WAIT);
    // The generated password is no longer kept in DATA_DIR once it has been changed.
    expect(await exists(file)).toBe(false);
  });

  it("signs out, refuses the old password and signs in with the new one", async () => {
    const email = running.product.login?.email ?? "";
    await owner.getByTestId("logout").click();
    // Signing out also ends the live feeds, which may send the page to /login?next=… while the sign-out's
    // own navigation to /login is under way (that one is then aborted): either way it ends at the form.
    await owner.getByTestId("login-email").waitFor(WAIT);
    await owner.waitForLoadState("load");
    await owner.getByTestId("login-email").fill(email);
    await owner.getByTestId("login-password").fill(ownerPassword);
    await owner.getByTestId("login-submit").click();
    await owner.getByTestId("login-error").waitFor(WAIT);
    await owner.getByTestId("login-password").fill(NEW_OWNER_PASSWORD);
    await owner.getByTestId("login-submit").click();
    await owner.waitForURL(/\/admin/, WAIT);
    await owner.getByTestId("signed-in-user").waitFor(WAIT);
  });

  it("adds a user with the generated password already filled in", async () => {
    await owner.goto(`${running.product.webUrl}/admin/users`);
    await owner.getByTestId("add-user").click();
    operatorPassword = await owner.getByTestId("user-password").inputValue();
    expect(operatorPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
    await owner.getByTestId("user-name").fill(OPERATOR.name);
    await owner.getByTestId("user-email").fill(OPERATOR.email);
    await owner.getByTestId("user-create-submit").click();
    await owner.getByTestId("user-created").waitFor(WAIT);
    expect(await owner.getByTestId("created-password").textContent()).toBe(operatorPassword);
  });

  it("resets a user's password: shown once, and the user's open console is signed out", async () => {
    const operator = await newPage();
    await signIn(operator, OPERATOR.email, operatorPassword, "/admin/conversations");
    await live(operator);

    const me = owner.locator(
      `[data-testid="user-row"][data-email="${running.product.login?.email ?? ""}"]`,
    );
    expect(await me.getByTestId("user-reset-password").isDisabled()).toBe(true);
    const row = owner.locator(`[data-testid="user-row"][data-email="${OPERATOR.email}"]`);
    await row.getByTestId("user-reset-password").focus();
    await owner.keyboard.press("Enter");
    await owner.getByTestId("confirm-dialog").getByText("signed out everywhere").waitFor(WAIT);
    await owner.getByTestId("confirm").click();
    const result = owner.getByTestId("reset-password-result");
    await result.getByTestId("created-password").waitFor(WAIT);
    const newPassword = (await result.getByTestId("created-password").textContent()) ?? "";
    expect(newPassword.length).toBeGreaterThanOrEqual(10);
    expect(newPassword).not.toBe(operatorPassword);
    expect(await result.textContent()).toContain("New password");
    await screenshot(owner, "users-reset-password");
    await result.getByTestId("reset-password-done").press("Enter");
    await result.waitFor({ state: "detached", ...WAIT });
    // Keyboard users land back on the button they started from.
    expect(await owner.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "user-reset-password",
    );

    await operator.waitForURL(/\/login/, WAIT);
    await operator.getByTestId("login-email").fill(OPERATOR.email);
    await operator.getByTestId("login-password").fill(newPassword);
    await operator.getByTestId("login-submit").click();
    await operator.waitForURL(/\/admin\/conversations/, WAIT);
    operatorPassword = newPassword;
  });

  it("shows the profile page on a phone, in Russian", async () => {
    const phone = await newPage({ viewport: { width: 390, height: 844 }, locale: "ru-RU" });
    await signIn(phone, OPERATOR.email, operatorPassword, "/admin/profile");
    await phone.getByRole("heading", { name: "Ваш профиль" }).waitFor(WAIT);
    await phone.getByTestId("change-password-submit").click();
    await phone
      .getByTestId("current-password-problem")
      .getByText("Введите текущий пароль")
      .waitFor(WAIT);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, "profile-phone-ru");
  });
});
