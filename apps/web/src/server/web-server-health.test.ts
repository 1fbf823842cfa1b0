import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiAddressFrom, RAILWAY_API_INTERNAL_URL } from "../../api-address.mjs";
import { answerWebHealth, isWebHealthPath } from "../../own-health.mjs";

/**
 * apps/web/server.mjs on Railway and in the images: its health is its own (a web deploy must not wait
 * for the API), and in production a missing API address stops it at once with the variable to set.
 */
const web = join(import.meta.dirname, "../..");

describe("the API address the web server proxies to", () => {
  it("is API_INTERNAL_URL when set; under npm start and dev the API beside it", () => {
    expect(apiAddressFrom({ API_INTERNAL_URL: "http://backend.railway.internal:8000" }).href).toBe(
      "http://backend.railway.internal:8000/",
    );
    expect(apiAddressFrom({}).href).toBe("http://127.0.0.1:8000/");
    expect(apiAddressFrom({ NODE_ENV: "development" }).href).toBe("http://127.0.0.1:8000/");
  });

  it("in production falls back to the API's public URL (two domains), else names what to set", () => {
    expect(
      apiAddressFrom({ NODE_ENV: "production", NEXT_PUBLIC_API_URL: "https://api.crm.example.com" })
        .href,
    ).toBe("https://api.crm.example.com/");
    expect(() => apiAddressFrom({ NODE_ENV: "production" })).toThrow(
      `API_INTERNAL_URL is required in production: the API's address as this server reaches it — on Railway ${RAILWAY_API_INTERNAL_URL}`,
    );
    expect(RAILWAY_API_INTERNAL_URL).toBe(
      "http://${{backend.RAILWAY_PRIVATE_DOMAIN}}:${{backend.PORT}}",
    );
  });

  it("refuses what is not an http(s) URL, naming the variable", () => {
    expect(() => apiAddressFrom({ API_INTERNAL_URL: "backend:8000" })).toThrow(
      /API_INTERNAL_URL "backend:8000" must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => apiAddressFrom({ API_INTERNAL_URL: "not a url" })).toThrow(
      'API_INTERNAL_URL "not a url" is not a URL',
    );
    expect(() =>
      apiAddressFrom({ NODE_ENV: "production", NEXT_PUBLIC_API_URL: "ftp://x.example" }),
    ).toThrow(/NEXT_PUBLIC_API_URL/);
  });

  it("server.mjs in production without it exits 1 with one line saying what to set", async () => {
    const child = spawn(process.execPath, [join(web, "server.mjs")], {
      cwd: web,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(errors.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^Invalid environment: API_INTERNAL_URL is required in production: .*RAILWAY_PRIVATE_DOMAIN.*http:\/\/api:8000.*NEXT_PUBLIC_API_URL/,
      ),
    ]);
  });
});

describe("the web server's own health", () => {
  /** A real HTTP server routing as server.mjs does: its own health first, nothing else proxied here. */
  async function serve() {
    const server = createServer((req, res) => {
      if (isWebHealthPath(req.url)) answerWebHealth(req, res);
      else res.writeHead(502).end('{"error":{"code":"BAD_GATEWAY"}}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, close: () => server.close() };
  }

  it("answers /health/web itself, 200 with no API behind it; /health stays the API's", async () => {
    const { url, close } = await serve();
    const own = await fetch(`${url}/health/web?probe=railway`);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("no-store");
    expect(await own.json()).toEqual({ status: "alive", service: "web" });
    expect((await fetch(`${url}/health/web`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(502);
    expect(isWebHealthPath("/health/live")).toBe(false);
    expect(isWebHealthPath("/health/webhooks")).toBe(false);
    close();
  });

  it("refuses other methods with a clear 405", async () => {
    const { url, close } = await serve();
    const post = await fetch(`${url}/health/web`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(await post.json()).toMatchObject({ error: { code: "METHOD_NOT_SUPPORTED" } });
    close();
  });
});
