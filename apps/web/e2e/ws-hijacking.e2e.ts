import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { freePort, startProduct, type Product } from "./helpers/product";

// Cross-site WebSocket hijacking in a real browser: cookies are not separated by port, and SameSite
// treats every port of a host (and sibling subdomains) as the same site, so a page on another port
// opening a WebSocket to the product carries the signed-in admin's session cookie.
const WAIT = { timeout: 30_000 };

let product: Product;
let browser: Browser;
let console_: Page;
let attackerSite: Server;
let attackerUrl: string;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  const port = await freePort();
  attackerSite = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Dental tips</title><h1>Ten tips for white teeth</h1>");
  });
  await new Promise<void>((resolve) => attackerSite.listen(port, "127.0.0.1", resolve));
  attackerUrl = `http://localhost:${port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attackerSite?.close(resolve));
  await product?.stop();
});

/**
 * Run in a page: opens a WebSocket to `url` and asks tRPC (wire format, superjson input) to create an
 * owner account. Resolves with "OK", the tRPC error code, or why the socket failed.
 */
function plantOwner(page: Page, url: string, email: string): Promise<string> {
  return page.evaluate(
    ({ url, email }) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        const done = (outcome: string) => {
          // Shown on the page, so the screenshot records what the attempt got.
          const line = document.createElement("p");
          line.textContent = `users.create over ${url}: ${outcome}`;
          document.body.append(line);
          resolve(outcome);
          ws.close();
        };
        ws.onopen = () =>
          ws.send(
            JSON.stringify({
              id: 1,
              method: "mutation",
              params: {
                path: "users.create",
                input: {
                  json: { name: "Planted", email, role: "owner", password: "attacker-pass-123" },
                },
              },
            }),
          );
        ws.onmessage = (message) => {
          const reply = JSON.parse(String(message.data)) as {
            id?: number;
            result?: unknown;
            error?: { json?: { data?: { code?: string } } };
          };
          if (reply.id !== 1) return;
          done(reply.error ? (reply.error.json?.data?.code ?? "ERROR") : "OK");
        };
        ws.onerror = () => done("SOCKET_ERROR");
      }),
    { url, email },
  );
}

async function accountExists(email: string, apiBase = product.webUrl): Promise<boolean> {
  const input = encodeURIComponent(JSON.stringify({ json: { limit: 200 } }));
  const res = await console_.request.get(`${apiBase}/trpc/users.list?input=${input}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { result: { data: { json: { items: { email: string }[] } } } };
  return body.result.data.json.items.some((user) => user.email === email);
}

describe("a page on another port of the same host", () => {
  it("cannot use the signed-in admin's cookie over a WebSocket to create an account", async () => {
    expect(product.login).not.toBeNull();
    const login = product.login as { email: string; password: string };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    console_ = await context.newPage();
    await console_.goto(`${product.webUrl}/admin`);
    await console_.waitForURL(/\/login/, WAIT);
    await console_.getByTestId("login-email").fill(login.email);
    await console_.getByTestId("login-password").fill(login.password);
    await console_.getByTestId("login-submit").click();
    await console_.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);

    // The same tab's origin may (this is how the console itself talks to the API): the control.
    const wsThroughWebApp = `${product.webUrl.replace(/^http/, "ws")}/trpc`;
    expect(await plantOwner(console_, wsThroughWebApp, "control@clinic.test")).toBe("OK");
    expect(await accountExists("control@clinic.test")).toBe(true);

    // The attacker's page, in the same browser, opened while the admin is signed in.
    const attacker = await context.newPage();
    await attacker.goto(attackerUrl);
    const wsDirect = `${product.apiUrl.replace(/^http/, "ws")}/trpc`;
    expect(await plantOwner(attacker, wsThroughWebApp, "via-web@attacker.test")).toBe(
      "UNAUTHORIZED",
    );
    expect(await plantOwner(attacker, wsDirect, "via-api@attacker.test")).toBe("UNAUTHORIZED");
    expect(await accountExists("via-web@attacker.test")).toBe(false);
    expect(await accountExists("via-api@attacker.test")).toBe(false);
    await screenshot(attacker, "ws-hijacking-attacker-page");

    // The console's own live feed is unaffected.
    await console_.reload();
    await console_.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
    await screenshot(console_, "ws-hijacking-console-live");
    await context.close();
  });
});

describe("the two-domain deployment (the browser calls the API directly)", () => {
  it("keeps the console live from CORS_ORIGINS while a page on another port stays anonymous", async () => {
    // NEXT_PUBLIC_API_URL is read at request time, so the same build serves this deployment.
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const webUrl = `http://localhost:${webPort}`;
    const apiUrl = `http://localhost:${apiPort}`;
    const twoDomains = await startProduct({
      PORT: String(apiPort),
      WEB_PORT: String(webPort),
      NEXT_PUBLIC_API_URL: apiUrl,
      CORS_ORIGINS: webUrl,
    });
    try {
      const login = twoDomains.login as { email: string; password: string };
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      console_ = await context.newPage();
      const sockets: string[] = [];
      console_.on("websocket", (socket) => sockets.push(socket.url()));
      await console_.goto(`${webUrl}/admin`);
      await console_.waitForURL(/\/login/, WAIT);
      await console_.getByTestId("login-email").fill(login.email);
      await console_.getByTestId("login-password").fill(login.password);
      await console_.getByTestId("login-submit").click();
      await console_.locator('[data-testid="admin-live"][data-state="live"]').waitFor(WAIT);
      // The console's own live feed goes straight to the API, from the web app's origin.
      expect(sockets).toContain(`ws://localhost:${apiPort}/trpc`);
      // Its calls go there too (CORS with credentials): the list loads.
      await console_.getByText("No conversations yet", { exact: false }).waitFor(WAIT);
      await screenshot(console_, "ws-hijacking-two-domains-console");

      const attacker = await context.newPage();
      await attacker.goto(attackerUrl);
      const wsApi = `ws://localhost:${apiPort}/trpc`;
      expect(await plantOwner(attacker, wsApi, "two-domains@attacker.test")).toBe("UNAUTHORIZED");
      expect(await accountExists("two-domains@attacker.test", apiUrl)).toBe(false);
      await context.close();
    } finally {
      await twoDomains.stop();
    }
  });
});
