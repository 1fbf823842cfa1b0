import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  TRPCClientError,
  wsLink,
} from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSessionToken } from "@agents-crm/db";
import type { AppRouter } from "../src/router";
import { seedUser, TEST_PASSWORD } from "./helpers/auth-fixtures";
import { startTestApi, type TestApi } from "./helpers/test-api";

let t: TestApi;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  // Behind one trusted proxy, so each test can be its own client address.
  t = await startTestApi({ RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" });
});
afterAll(async () => {
  await t.close();
});

const health = (ip: string, extra: Record<string, string> = {}) =>
  fetch(`${t.url}/trpc/system.health`, { headers: { "x-forwarded-for": ip, ...extra } });

function socketFrom(ip: string) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { "x-forwarded-for": ip } });
    }
  };
}

function wsClientFrom(ip: string) {
  const wsClient = createWSClient({
    url: t.wsUrl,
    WebSocket: socketFrom(ip) as unknown as typeof globalThis.WebSocket,
  });
  return {
    wsClient,
    client: createTRPCClient<AppRouter>({
      links: [wsLink({ client: wsClient, transformer: superjson })],
    }),
  };
}

describe("HTTP", () => {
  it("answers 429 with Retry-After and a tRPC error body once an address spends its budget", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await health(ip)).status).toBe(200);
    const refused = await health(ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBe(20);
    // The error shape every other procedure error has (superjson envelope), so clients can read it.
    expect(await refused.json()).toMatchObject({
      error: {
        json: {
          message: "Too many requests. Please try again later.",
          data: {
            code: "TOO_MANY_REQUESTS",
            httpStatus: 429,
            retryAfterSeconds: 20,
            retryScope: "request",
          },
        },
      },
    });
    expect((await health(freshIp())).status).toBe(200);
  });

  it("reaches a tRPC client as TOO_MANY_REQUESTS with the wait, not as an unreadable answer", async () => {
    const ip = freshIp();
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${t.url}/trpc`,
          transformer: superjson,
          headers: { "x-forwarded-for": ip },
        }),
      ],
    });
    for (let i = 0; i < 3; i++) await client.system.health.query();
    const refused = await Promise.all([
      client.system.health.query().catch((e: unknown) => e),
      client.auth.me.query().catch((e: unknown) => e),
    ]);
    for (const error of refused) {
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as Error).message).toBe("Too many requests. Please try again later.");
      // Both calls went in one batch, which needs two calls' worth of refill: 2 × 20 s.
      expect((error as TRPCClientError<AppRouter>).data).toMatchObject({
        code: "TOO_MANY_REQUESTS",
        retryAfterSeconds: 40,
        retryScope: "request",
      });
    }
  });

  it("charges a batch one call per procedure", async () => {
    const ip = freshIp();
    const batch = await fetch(
      `${t.url}/trpc/system.health,system.health?batch=1&input=${encodeURIComponent("{}")}`,
      { headers: { "x-forwarded-for": ip } },
    );
    expect(batch.status).toBe(200);
    expect((await health(ip)).status).toBe(200);
    expect((await health(ip)).status).toBe(429);
  });

  it("never limits /health, /docs or webhooks", async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await health(ip);
    for (const path of ["/health", "/docs.json", "/api/v1/telegram/webhook/some-binding"]) {
      const res = await fetch(`${t.url}${path}`, {
        method: path.startsWith("/api") ? "POST" : "GET",
        headers: { "x-forwarded-for": ip, "content-type": "application/json" },
        body: path.startsWith("/api") ? "{}" : undefined,
      });
      expect(res.status, path).not.toBe(429);
    }
  });

  it("uses the address the trusted proxy saw, not one the client claims", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await health(ip);
    // A spoofed left-most entry does not buy a fresh budget: the proxy appends the real address.
    expect((await health(`10.9.9.${ipCounter}, ${ip}`)).status).toBe(429);
  });
});

describe("without a trusted proxy", () => {
  it("ignores X-Forwarded-For entirely", async () => {
    const direct = await startTestApi({ RATE_LIMIT_PER_MINUTE: "2" });
    try {
      const call = (ip: string) =>
        fetch(`${direct.url}/trpc/system.health`, { headers: { "x-forwarded-for": ip } });
      expect((await call("1.1.1.1")).status).toBe(200);
      expect((await call("2.2.2.2")).status).toBe(200);
      expect((await call("3.3.3.3")).status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});

describe("WebSocket", () => {
  it("refuses calls past the budget with TOO_MANY_REQUESTS and a retry time", async () => {
    const { wsClient, client } = wsClientFrom(freshIp());
    try {
      // Opening the socket spent one call of the three.
      for (let i = 0; i < 2; i++) await client.system.health.query();
      const error = await client.system.health.query().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      const data = (error as TRPCClientError<AppRouter>).data;
      expect(data?.code).toBe("TOO_MANY_REQUESTS");
      expect(data?.retryAfterSeconds).toBe(20);
    } finally {
      await wsClient.close();
    }
  });

  it("shares the address's budget with HTTP: an exhausted address cannot open sockets", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await health(ip);
    const ws = new (socketFrom(ip))(t.wsUrl);
    const outcome = await new Promise<string>((resolve) => {
      ws.once("open", () => resolve("open"));
      ws.once("unexpected-response", (_req, res) =>
        resolve(`${res.statusCode} retry-after=${res.headers["retry-after"]}`),
      );
    });
    expect(outcome).toBe("429 retry-after=20");
    ws.on("error", () => {}); // terminating a socket that never opened reports an error
    ws.terminate();
  });

  it("closes a socket that floods (1008) instead of answering every frame", async () => {
    const ws = new (socketFrom(freshIp()))(t.wsUrl);
    await new Promise((resolve) => ws.once("open", resolve));
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    for (let i = 0; i < 10; i++) ws.send("garbage");
    expect(await closed).toBe(1008);
  });
});

describe("signed-in staff", () => {
  let office: TestApi;
  const OFFICE = "192.0.2.10";

  beforeAll(async () => {
    office = await startTestApi({
      RATE_LIMIT_PER_MINUTE: "3",
      RATE_LIMIT_STAFF_PER_MINUTE: "5",
      TRUST_PROXY: "1",
    });
  });
  afterAll(async () => {
    await office.close();
  });

  async function signIn(): Promise<string> {
    const user = await seedUser(office.deps, { role: "operator" });
    const res = await fetch(`${office.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": freshIp() },
      body: JSON.stringify({ json: { email: user.email, password: TEST_PASSWORD } }),
    });
    expect(res.status).toBe(200);
    return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  const me = (cookie: string | null, ip = OFFICE) =>
    fetch(`${office.url}/trpc/auth.me`, {
      headers: { "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) },
    });

  it("count per account, so colleagues behind one office address do not share a budget", async () => {
    const [ada, bob] = [await signIn(), await signIn()];
    const statuses = async (cookie: string, times: number) => {
      const out: number[] = [];
      for (let i = 0; i < times; i++) out.push((await me(cookie)).status);
      return out;
    };
    expect(await statuses(ada, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses(bob, 5)).toEqual([200, 200, 200, 200, 200]);
    const refused = await me(ada);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("choosing the account's budget costs one session read, not one per request", async () => {
    const cookie = await signIn();
    const token = cookie.slice(cookie.indexOf("=") + 1);
    let sessionReads = 0;
    let counting = true;
    // Counts the GetItem commands the API sends for this session (each call's authentication does one).
    office.deps.db.onCommand((name, input) => {
      const key = (input as { Key?: { session_key?: string } }).Key;
      const read = /^Get(Item)?(Command)?$/.test(name);
      if (counting && read && key?.session_key === `session#${hashSessionToken(token)}`) {
        sessionReads++;
      }
    });
    try {
      const calls = 4;
      for (let i = 0; i < calls; i++) expect((await me(cookie, freshIp())).status).toBe(200);
      expect(sessionReads).toBe(calls + 1);
    } finally {
      counting = false;
    }
  });

  it("a made-up session cookie is charged to the address and buys no fresh budget", async () => {
    const ip = freshIp();
    const forged = (n: number) =>
      fetch(`${office.url}/trpc/auth.me`, {
        headers: { "x-forwarded-for": ip, cookie: `acrm_session=forged-${n}-${"x".repeat(40)}` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await forged(i)).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it("a signed-in console opens its socket and calls on the account's budget", async () => {
    const cookie = await signIn();
    const clinic = freshIp();
    expect((await me(cookie, clinic)).status).toBe(200);
    // Strangers at the same address have used up the address's budget…
    while ((await me(null, clinic)).status !== 429);
    // …yet the colleague's socket opens and answers.
    const Socket = class extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { "x-forwarded-for": clinic, cookie } });
      }
    };
    const wsClient = createWSClient({
      url: office.wsUrl,
      WebSocket: Socket as unknown as typeof globalThis.WebSocket,
    });
    try {
      const client = createTRPCClient<AppRouter>({
        links: [wsLink({ client: wsClient, transformer: superjson })],
      });
      expect(await client.auth.me.query()).toMatchObject({ principalKind: "user" });
    } finally {
      await wsClient.close();
    }
  });
});
