import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const STORAGE_KEY = "agents-crm:chat:demo_clinic";

let product: Product;
let browser: Browser;
let site: Server;
let siteUrl: string;

/** A business's own site on another origin: the widget, the chat in a frame, and a console page in a frame. */
function foreignSite(webUrl: string) {
  const page = (body: string) =>
    `<!doctype html><html><head><title>Sunrise Family Clinic</title></head><body><h1>Sunrise Family Clinic</h1>${body}</body></html>`;
  const pages: Record<string, string> = {
    "/widget": page(
      `<script src="${webUrl}/widget.js" data-agent-id="demo_clinic" async></script>`,
    ),
    "/embed": page(
      `<iframe src="${webUrl}/embed/demo_clinic" title="chat" width="400" height="600"></iframe>`,
    ),
    "/console": page(
      `<iframe src="${webUrl}/login" title="console" width="400" height="600"></iframe>`,
    ),
  };
  return createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(pages[req.url ?? ""] ?? page(""));
  });
}

beforeAll(async () => {
  product = await startProduct({ RATE_LIMIT_PER_MINUTE: "2000" });
  browser = await launchBrowser();
  site = foreignSite(product.webUrl);
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await product?.stop();
});

const directives = (policy: string | null) =>
  new Map(
    (policy ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? "", values]),
  );

describe("the web app's security headers", () => {
  it("pages: a CSP with a fresh nonce on Next's scripts, no framing, nosniff, a referrer policy", async () => {
    const [first, second] = [await fetch(`${product.webUrl}/`), await fetch(`${product.webUrl}/`)];
    const policy = directives(first.headers.get("content-security-policy"));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toContain("'self'");
    const nonce = policy.get("script-src")?.find((s) => s.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce?.slice(7, -1)}"`);
    expect(
      directives(second.headers.get("content-security-policy")).get("script-src"),
    ).not.toContain(nonce);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("the widget's frame (/embed/*) may be framed by any site; its script is nosniff", async () => {
    const embed = await fetch(`${product.webUrl}/embed/demo_clinic`);
    expect(directives(embed.headers.get("content-security-policy")).get("frame-ancestors")).toEqual(
      ["*"],
    );
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const widget = await fetch(`${product.webUrl}/widget.js`);
    expect(widget.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends HSTS only when the request came over https (X-Forwarded-Proto from the TLS proxy)", async () => {
    const https = await fetch(`${product.webUrl}/login`, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000");
    const plain = await fetch(`${product.webUrl}/login`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

/**
 * Every page runs under its policy in real Chromium: each frame records `securitypolicyviolation`
 * events, and the console's CSP messages are kept too. Any of them fails the test.
 */
describe("no page breaks its policy in Chromium", () => {
  let context: BrowserContext;
  let page: Page;
  const consoleCsp: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __cspViolations: seen });
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.violatedDirective} blocked ${e.blockedURI} on ${e.documentURI}`),
      );
    });
    page = await context.newPage();
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) consoleCsp.push(message.text());
    });
  });
  afterAll(async () => context?.close());

  async function violations(p: Page) {
    const found: string[] = [];
    for (const frame of p.frames()) {
      found.push(
        ...(await frame
          .evaluate(
            () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
          )
          .catch(() => [])),
      );
    }
    return [...found, ...consoleCsp.splice(0)];
  }

  it("the customer chat, over the WebSocket through the web origin", async () => {
    await page.goto(`${product.webUrl}/`);
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor(WAIT);
    await page.goto(`${product.webUrl}/chat/demo_clinic`);
    await page.locator('[data-testid="composer-input"]').fill("What are your opening hours?");
    await page.locator('[data-testid="composer-input"]').press("Enter");
    await page
      .locator('[data-testid="chat-message"][data-role="agent"][data-state="sent"]')
      .first()
      .waitFor(WAIT);
    await screenshot(page, "csp-chat");
    expect(await violations(page)).toEqual([]);
  });

  it("every console page, signed in", async () => {
    const login = product.login as { email: string; password: string };
    const conversation = await page.evaluate(
      (key) =>
        (JSON.parse(localStorage.getItem(key) ?? "{}") as { conversationId?: string })
          .conversationId,
      STORAGE_KEY,
    );
    expect(conversation).toBeTruthy();
    await page.goto(`${product.webUrl}/login`);
    await page.getByTestId("login-email").fill(login.email);
    await page.getByTestId("login-password").fill(login.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/admin/, WAIT);
    const paths = [
      "/admin",
      "/admin/conversations",
      `/admin/conversations/${conversation}`,
      "/admin/pipeline",
      "/admin/agents",
      "/admin/agents/new",
      "/admin/agents/demo_clinic",
      "/admin/agents/demo_clinic?tab=channels",
      "/admin/agents/demo_clinic?tab=playground",
      "/admin/stats",
      "/admin/audit",
      "/admin/users",
      "/admin/notifications",
    ];
    const seen: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(`${product.webUrl}${path}`);
      await page.locator("#admin-content").waitFor(WAIT);
      await page.waitForLoadState("networkidle").catch(() => undefined);
      seen[path] = await violations(page);
    }
    await screenshot(page, "csp-console-notifications");
    await page.goto(`${product.webUrl}/admin/conversations/${conversation}`);
    await page.locator("#admin-content").waitFor(WAIT);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    await screenshot(page, "csp-console-conversation");
    expect(Object.fromEntries(Object.entries(seen).filter(([, v]) => v.length > 0))).toEqual({});
  });

  it("the chat framed on a foreign site, and the widget script there", async () => {
    const foreign = await context.newPage();
    foreign.on("console", (message) => {
      if (/content security policy/i.test(message.text())) consoleCsp.push(message.text());
    });
    await foreign.goto(`${siteUrl}/embed`);
    await foreign.frameLocator("iframe").locator('[data-testid="chat-empty"]').waitFor(WAIT);
    expect(await violations(foreign)).toEqual([]);

    await foreign.goto(`${siteUrl}/widget`);
    await foreign.locator("[data-agents-crm-widget] button").click();
    const chat = foreign.frameLocator("iframe");
    await chat.locator('[data-testid="composer-input"]').fill("Do you take walk-ins?");
    await chat.locator('[data-testid="composer-input"]').press("Enter");
    await chat
      .locator('[data-testid="chat-message"][data-role="agent"][data-state="sent"]')
      .first()
      .waitFor(WAIT);
    await screenshot(foreign, "csp-widget-foreign-site");
    expect(await violations(foreign)).toEqual([]);
    await foreign.close();
  });

  it("refuses to be framed elsewhere (the console, against clickjacking)", async () => {
    const foreign = await context.newPage();
    const refused: string[] = [];
    foreign.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) refused.push(message.text());
    });
    await foreign.goto(`${siteUrl}/console`);
    await expect.poll(() => refused.length, WAIT).toBeGreaterThan(0);
    expect(refused[0]).toMatch(/Content Security Policy directive: "frame-ancestors 'none'"/);
    // Chromium shows its own error page in the frame instead of the sign-in form.
    expect(await foreign.frameLocator("iframe").getByTestId("login-email").count()).toBe(0);
    expect(foreign.frames().map((f) => f.url())).not.toContain(`${product.webUrl}/login`);
    await screenshot(foreign, "csp-console-refused-in-frame");
    await foreign.close();
  });
});
