import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  TRPCClientError,
  wsLink,
  type TRPCClient,
} from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokensMatch } from "../src/auth/machine-token";
import type { AppRouter } from "../src/router";
import { seedUser, TEST_PASSWORD } from "./helpers/auth-fixtures";
import { startTestApi, type TestApi } from "./helpers/test-api";

const ADMIN_TOKEN = "transport-admin-token-0123456789";
let t: TestApi;
const sockets: { close(): Promise<void> | void }[] = [];

beforeAll(async () => {
  t = await startTestApi({ ADMIN_TOKEN, TRUST_PROXY: "1" });
});
afterAll(async () => {
  for (const s of sockets) await s.close();
  await t.close();
});

function http(headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${t.url}/trpc`, transformer: superjson, headers })],
  });
}

function ws(
  options: { cookie?: string; connectionParams?: Record<string, string>; query?: string } = {},
) {
  const headers = options.cookie ? { cookie: options.cookie } : {};
  const Socket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const wsClient = createWSClient({
    url: `${t.wsUrl}${options.query ?? ""}`,
    WebSocket: Socket as unknown as typeof globalThis.WebSocket,
    connectionParams: options.connectionParams,
  });
  sockets.push(wsClient);
  return createTRPCClient<AppRouter>({
    links: [wsLink({ client: wsClient, transformer: superjson })],
  });
}

async function login(email: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: { email, password: TEST_PASSWORD } }),
  });
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { res, setCookie, cookie: setCookie.split(";")[0]!, body: await res.text() };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCClientError)
      return String((error.data as { code?: string } | undefined)?.code);
    throw error;
  }
}

describe("cookie sessions over HTTP", () => {
  it("login sets an HttpOnly cookie that authenticates later calls; the body has no token", async () => {
    const admin = await seedUser(t.deps, { role: "admin" });
    const { res, setCookie, cookie, body } = await login(admin.email);
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(
      /^acrm_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/,
    );
    expect(body).not.toContain(cookie.split("=")[1]);
    expect(body).not.toMatch(/scrypt|passwordHash/);

    const client = http({ cookie });
    expect(await client.auth.me.query()).toMatchObject({ principalKind: "user", role: "admin" });
    expect((await client.users.list.query({})).items.length).toBeGreaterThan(0);
    expect(await codeOf(http().users.list.query({}))).toBe("UNAUTHORIZED");
  });

  it("marks the cookie Secure when a trusted proxy says the client used HTTPS", async () => {
    const user = await seedUser(t.deps, { role: "operator" });
    const { setCookie } = await login(user.email, { "x-forwarded-proto": "https" });
    expect(setCookie).toMatch(/; Secure$/);
  });

  it("logout revokes the session server-side and clears the cookie", async () => {
    const admin = await seedUser(t.deps, { role: "admin" });
    const { cookie } = await login(admin.email);
    const res = await fetch(`${t.url}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^acrm_session=; .*Max-Age=0/);
    // The browser would drop the cookie; a copy kept by an attacker is dead too.
    expect(await codeOf(http({ cookie }).users.list.query({}))).toBe("UNAUTHORIZED");
  });
});

describe("machine token", () => {
  it("is accepted as a Bearer header and compared in constant time", async () => {
    expect(
      (await http({ authorization: `Bearer ${ADMIN_TOKEN}` }).auth.me.query()).principalKind,
    ).toBe("machine");
    const sameLength = ADMIN_TOKEN.replace(/.$/, "X");
    expect(await codeOf(http({ authorization: `Bearer ${sameLength}` }).users.list.query({}))).toBe(
      "UNAUTHORIZED",
    );
    expect(tokensMatch(ADMIN_TOKEN, ADMIN_TOKEN)).toBe(true);
    expect(tokensMatch(sameLength, ADMIN_TOKEN)).toBe(false);
    // Different lengths must not throw (timingSafeEqual would): both sides are hashed first.
    expect(tokensMatch("short", ADMIN_TOKEN)).toBe(false);
  });

  it("is never read from the URL", async () => {
    const res = await fetch(
      `${t.url}/trpc/users.list?token=${ADMIN_TOKEN}&access_token=${ADMIN_TOKEN}&input=${encodeURIComponent('{"json":{}}')}`,
    );
    expect(res.status).toBe(401);
    const client = ws({ query: `?token=${ADMIN_TOKEN}&authorization=Bearer%20${ADMIN_TOKEN}` });
    expect(await codeOf(client.users.list.query({}))).toBe("UNAUTHORIZED");
  });
});

describe("WebSocket authentication", () => {
  it("accepts the machine token in connectionParams, and refuses a wrong one", async () => {
    const good = ws({ connectionParams: { token: ADMIN_TOKEN } });
    expect((await good.auth.me.query()).principalKind).toBe("machine");
    expect(await codeOf(good.users.list.query({}))).toBe("OK");
    const bad = ws({ connectionParams: { token: "wrong-token-wrong-token-wrong" } });
    expect(await codeOf(bad.users.list.query({}))).toBe("UNAUTHORIZED");
  });

  it("authenticates calls and subscriptions with the cookie sent on the upgrade", async () => {
    const operator = await seedUser(t.deps, { role: "operator" });
    const { cookie } = await login(operator.email);
    const client = ws({ cookie });
    expect(await client.auth.me.query()).toMatchObject({ principalKind: "user", role: "operator" });
    expect(await subscriptionOutcome(client)).toBe("started");
    expect(await subscriptionOutcome(ws())).toBe("UNAUTHORIZED");
  });

  it("refuses to sign in over a WebSocket, which could not set the cookie", async () => {
    const user = await seedUser(t.deps, { role: "operator" });
    const client = ws();
    expect(
      await codeOf(client.auth.login.mutate({ email: user.email, password: TEST_PASSWORD })),
    ).toBe("METHOD_NOT_SUPPORTED");
    expect(await t.deps.repos.sessions.listSessionsOfUser(user.userId)).toEqual([]);
  });

  it("a deactivated user's open socket loses access on its next call", async () => {
    const admin = await seedUser(t.deps, { role: "admin" });
    const { cookie } = await login(admin.email);
    const client = ws({ cookie });
    expect(await codeOf(client.users.list.query({}))).toBe("OK");

    await http({ authorization: `Bearer ${ADMIN_TOKEN}` }).users.update.mutate({
      userId: admin.userId,
      isActive: false,
    });
    expect(await codeOf(client.users.list.query({}))).toBe("UNAUTHORIZED");
    expect((await client.auth.me.query()).principalKind).toBe("anonymous");
  });
});

/** Whether a staff-only subscription starts on this connection, or which error refuses it. */
function subscriptionOutcome(client: TRPCClient<AppRouter>): Promise<string> {
  return new Promise((resolve) => {
    const subscription = client.admin.onEvent.subscribe(
      {},
      {
        onStarted: () => {
          subscription.unsubscribe();
          resolve("started");
        },
        onError: (error) => resolve(String((error.data as { code?: string } | undefined)?.code)),
      },
    );
  });
}
