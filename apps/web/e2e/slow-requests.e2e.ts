import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProduct, type Product } from "./helpers/product";
import { postHead, postSteadily, slowClient } from "@agents-crm/config/testing/slow-client";

// Regression: the web server (public too: pages plus the proxy of /trpc and the webhooks) kept Node's
// defaults — 60 s for headers, 300 s for a request, no limit on a silent body — so slow clients held
// its connections for minutes. The product runs as `npm start` runs it, with one-second limits.
const IDLE_S = 1;
let product: Product;

beforeAll(async () => {
  product = await startProduct({
    HTTP_HEADERS_TIMEOUT: String(IDLE_S),
    HTTP_BODY_IDLE_TIMEOUT: String(IDLE_S),
    HTTP_REQUEST_TIMEOUT: "8",
  });
});

afterAll(async () => {
  await product?.stop();
});

describe("the web server cuts slow clients", () => {
  it("headers dribbled a line at a time: 408 after the headers timeout", async () => {
    const result = await slowClient(product.webUrl, {
      head: "POST / HTTP/1.1\r\nHost: localhost\r\n",
      drip: "X-Slow: a\r\n",
      everyMs: 200,
      giveUpMs: 8_000,
    });
    expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("a page request whose body goes silent is closed after the idle timeout", async () => {
    // Next answers pages without reading the body; the connection must not stay open for it.
    const result = await slowClient(product.webUrl, {
      head: postHead("/", 1_000, "text/plain"),
      giveUpMs: 4_000,
    });
    expect(result.answer).toMatch(/^HTTP\/1\.1 \d{3} /);
  });

  it.each(["/trpc/chat.start", "/api/v1/telegram/webhook/some-binding"])(
    "headers, then a body that stops coming, on %s: 408 after the idle timeout",
    async (path) => {
      const result = await slowClient(product.webUrl, {
        head: `${postHead(path, 1_000)}{"json":`,
        giveUpMs: 8_000,
      });
      expect(result.answer).toMatch(/^HTTP\/1\.1 408 /);
    },
  );

  it("a body dribbled a byte at a time, never idle, is closed by the request timeout", async () => {
    const result = await slowClient(product.webUrl, {
      head: postHead("/", 1_000, "text/plain"),
      drip: " ",
      everyMs: 200,
      giveUpMs: 12_000,
    });
    expect(result.answer).toMatch(/^HTTP\/1\.1 \d{3} /);
  });
});

describe("and lets slow but steady ones through", () => {
  it("a 10 MB document uploaded through the proxy over more than the idle timeout", async () => {
    const login = await fetch(`${product.webUrl}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: product.login }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const dataBase64 = Buffer.alloc(10 * 1024 * 1024 - 1024, "knowledge line\n").toString("base64");
    const body = Buffer.from(
      JSON.stringify({ json: { filename: "notes.txt", mimeType: "text/plain", dataBase64 } }),
    );
    const answer = await postSteadily(
      `${product.webUrl}/trpc/agents.extractDocument`,
      body,
      { cookie },
      { pieces: 12, everyMs: (IDLE_S * 1000) / 6 },
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("knowledge line");
  });

  it("pages and the API's health still answer", async () => {
    expect((await fetch(product.webUrl)).status).toBe(200);
    expect((await fetch(`${product.webUrl}/health`)).status).toBe(200);
  });
});
