import { createTRPCClient, createWSClient, TRPCClientError, wsLink } from "@trpc/client";
import superjson from "superjson";
import type { IncomingMessage } from "node:http";
import { parseServerEnv } from "@agents-crm/config/env";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../src/router";
import { cookieOriginAllowed } from "../src/security/ws-cookie-origin";
import { seedUser, TEST_PASSWORD } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { startTestApi, type TestApi } from "./helpers/test-api";

// Cross-site WebSocket hijacking: a browser attaches the session cookie to an upgrade from any page of
// the same site (another port of the host, a sibling subdomain), and CORS does not apply to WebSockets.
const ADMIN_TOKEN = "hijack-admin-token-0123456789abcdef";
const WEB_APP = "http://localhost:3000";
const APP_URL = "https://crm.example.com";
let t: TestApi;
let cookie: string;
const clients: { close(): Promise<void> | void }[] = [];

beforeAll(async () => {
  t = await startTestApi({ ADMIN_TOKEN, CORS_ORIGINS: WEB_APP, APP_URL });
  const owner = await seedUser(t.deps, { role: "owner" });
  const res = await fetch(`${t.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email: owner.email, password: TEST_PASSWORD } }),
  });
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  expect(cookie).toMatch(/^acrm_session=./);
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await t.close();
});

/** A WebSocket client sending the headers a browser would send on the upgrade. */
function socket(
  headers: Record<string, string>,
  connectionParams?: Record<string, string>,
): ReturnType<typeof createTRPCClient<AppRouter>> {
  const Socket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const client = createWSClient({
    url: t.wsUrl,
    WebSocket: Socket as unknown as typeof globalThis.WebSocket,
    connectionParams,
  });
  clients.push(client);
  return createTRPCClient<AppRouter>({ links: [wsLink({ client, transformer: superjson })] });
}

let accounts = 0;
/** Tries to create an owner account; "OK" or the tRPC error code. */
async function createOwner(client: ReturnType<typeof socket>): Promise<string> {
  accounts += 1;
  const email = `planted${accounts}@attacker.test`;
  try {
    await client.users.create.mutate({
      name: "Planted",
      email,
      role: "owner",
      password: "attacker-password-123",
    });
  } catch (error) {
    if (error instanceof TRPCClientError)
      return String((error.data as { code?: string } | undefined)?.code);
    throw error;
  }
  expect(await t.deps.repos.adminUsers.getCredentials(email)).not.toBeNull();
  return "OK";
}

describe("a session cookie on a WebSocket upgrade", () => {
  it("is ignored when the upgrade comes from another origin of the same site", async () => {
    for (const origin of ["http://localhost:4000", "https://www.example.com", "null"]) {
      const client = socket({ cookie, origin });
      expect(await createOwner(client)).toBe("UNAUTHORIZED");
      expect((await client.auth.me.query()).principalKind).toBe("anonymous");
    }
    // Behind the web app's proxy the browser's host arrives as X-Forwarded-Host: a sibling is still foreign.
    const sibling = socket({
      cookie,
      origin: "https://www.example.com",
      "x-forwarded-host": "crm.example.com",
    });
    expect(await createOwner(sibling)).toBe("UNAUTHORIZED");
  });

  it("counts from the web app's origins: CORS_ORIGINS, APP_URL and the host the browser asked for", async () => {
    expect(await createOwner(socket({ cookie, origin: WEB_APP }))).toBe("OK");
    expect(await createOwner(socket({ cookie, origin: APP_URL }))).toBe("OK");
    const direct = new URL(t.url);
    expect(await createOwner(socket({ cookie, origin: `http://${direct.host}` }))).toBe("OK");
    // The web app's proxy (apps/web/server.mjs) forwards Origin and sets X-Forwarded-Host.
    const proxied = {
      cookie,
      origin: "https://two.example.com",
      "x-forwarded-host": "two.example.com",
    };
    expect(await createOwner(socket(proxied))).toBe("OK");
  });

  it("counts without an Origin: only browsers send one, and a non-browser client holds its own cookie", async () => {
    expect(await createOwner(socket({ cookie }))).toBe("OK");
  });

  it("leaves the public web chat working from any origin", async () => {
    const client = socket({ cookie, origin: "https://any-clinic-site.example" });
    await createAgent(t.deps, "dr_widget");
    const chat = await client.chat.start.mutate({ agentId: "dr_widget" });
    const sent = await client.chat.send.mutate({ ...chat, content: "Hello" });
    expect(sent.userMessage.content).toBe("Hello");
  });
});

describe("a token in connectionParams", () => {
  it("authenticates from any origin", async () => {
    const client = socket({ origin: "https://automation.example" }, { token: ADMIN_TOKEN });
    expect(await createOwner(client)).toBe("OK");
  });
});

describe("the origin rule", () => {
  const upgrade = (headers: Record<string, string>) => ({ headers }) as IncomingMessage;
  const env = (vars: Record<string, string> = {}) =>
    parseServerEnv({ ENVIRONMENT: "test", ...vars });

  it("treats default ports and letter case as the same host", () => {
    const req = upgrade({ origin: "https://CRM.example.com", host: "crm.example.com:443" });
    expect(cookieOriginAllowed(req, env())).toBe(true);
    const otherPort = upgrade({ origin: "https://crm.example.com:8443", host: "crm.example.com" });
    expect(cookieOriginAllowed(otherPort, env())).toBe(false);
  });

  it("takes CORS_ORIGINS only while credentials are allowed", () => {
    const req = upgrade({ origin: "https://crm.example.com", host: "api.example.com" });
    expect(cookieOriginAllowed(req, env({ CORS_ORIGINS: "https://crm.example.com" }))).toBe(true);
    const noCredentials = env({
      CORS_ORIGINS: "https://crm.example.com",
      CORS_ALLOW_CREDENTIALS: "false",
    });
    expect(cookieOriginAllowed(req, noCredentials)).toBe(false);
    expect(
      cookieOriginAllowed(req, env({ CORS_ORIGINS: "*", CORS_ALLOW_CREDENTIALS: "false" })),
    ).toBe(false);
  });

  it("refuses opaque and malformed origins", () => {
    for (const origin of ["null", "not a url", "file://"]) {
      expect(cookieOriginAllowed(upgrade({ origin, host: "crm.example.com" }), env())).toBe(false);
    }
  });
});
