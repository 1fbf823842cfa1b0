import { describe, expect, it } from "vitest";
import { screenshot } from "./helpers/browser";
import { productAndBrowserForSuite } from "./helpers/session";

const running = productAndBrowserForSuite();

describe("npm start, seen in a browser", () => {
  it("prints an admin login", () => {
    expect(running.product.login?.email).toBe("admin@agents-crm.local");
  });

  it("shows the seeded demo agent from a tRPC query and goes live over the WebSocket", async () => {
    const page = await running.browser.newPage();
    await page.goto(running.product.webUrl);
    const card = page.locator('[data-agent-id="demo_clinic"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toMatch(/\S/);
    await page
      .locator('[data-testid="live-indicator"][data-state="live"]')
      .waitFor({ timeout: 30_000 });
    const model = page.locator('[data-testid="model-label"]');
    await model.waitFor();
    expect(await model.textContent()).toContain("Offline demo model");
    await screenshot(page, "home");
    await page.close();
  });

  it("reaches the API's health through the web origin", async () => {
    const res = await fetch(`${running.product.webUrl}/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("healthy");
  });
});
