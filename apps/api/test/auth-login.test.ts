import { SESSION_COOKIE } from "@agents-crm/config/staff";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LOGIN_THROTTLE, reserveLoginAttempt } from "../src/auth/login-throttle";
import { readCookie } from "../src/auth/session-cookie";
import type { ApiDeps } from "../src/deps";
import { callerAs, machine, seedUser, TEST_PASSWORD } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  deps = await createTestDeps({ SESSION_TTL_HOURS: "0.1" });
});
afterAll(async () => {
  await deps.db.close();
});
afterEach(() => {
  vi.useRealTimers();
});

function anonymousAt(ip: string, options: { secure?: boolean; sessionToken?: string } = {}) {
  const cookies: string[] = [];
  const caller = callerAs(
    deps,
    { credentials: { bearer: null, sessionToken: options.sessionToken ?? null } },
    { clientIp: ip, setCookie: (value) => cookies.push(value), requestId: `req-${ip}` },
  );
  return { caller, cookies };
}

const tokenOf = (cookie: string | undefined) => readCookie(cookie?.split(";")[0], SESSION_COOKIE);

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("auth.login", () => {
  it("signs in with an HTTP-only cookie, never returning the hash or the token", async () => {
    const user = await seedUser(deps, { role: "admin", email: "ada@example.test", name: "Ada" });
    const { caller, cookies } = anonymousAt(freshIp());
    const result = await caller.auth.login({
      email: " ADA@example.test ",
      password: TEST_PASSWORD,
    });

    expect(result.user).toMatchObject({
      userId: user.userId,
      email: "ada@example.test",
      role: "admin",
    });
    expect(result.user.lastLoginAt).toBeDefined();
    expect(JSON.stringify(result)).not.toMatch(/scrypt|passwordHash/);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(
      /^acrm_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=360$/,
    );
    const token = tokenOf(cookies[0]);
    expect(JSON.stringify(result)).not.toContain(token);

    const me = await anonymousAt(freshIp(), { sessionToken: token! }).caller.auth.me();
    expect(me).toMatchObject({ principalKind: "user", role: "admin", user: { name: "Ada" } });
  });

  it("marks the cookie Secure over HTTPS and always in production", async () => {
    await seedUser(deps, { role: "operator", email: "sec@example.test" });
    const login = async (env: ApiDeps, secure: boolean) => {
      const cookies: string[] = [];
      await callerAs(
        env,
        { kind: "anonymous" },
        { clientIp: freshIp(), secure, setCookie: (c) => cookies.push(c) },
      ).auth.login({ email: "sec@example.test", password: TEST_PASSWORD });
      return cookies[0];
    };
    expect(await login(deps, false)).not.toMatch(/Secure/);
    expect(await login(deps, true)).toMatch(/; Secure$/);
    const production = { ...deps, env: { ...deps.env, ENVIRONMENT: "production" as const } };
    expect(await login(production, false)).toMatch(/; Secure$/);
  });

  it("answers every failure the same way and audits it without the password", async () => {
    await seedUser(deps, { role: "operator", email: "off@example.test", isActive: false });
    await seedUser(deps, { role: "operator", email: "on@example.test" });
    const cases = [
      { email: "nobody@example.test", password: TEST_PASSWORD, reason: "unknown_email" },
      { email: "on@example.test", password: "wrong password!", reason: "wrong_password" },
      { email: "off@example.test", password: TEST_PASSWORD, reason: "inactive" },
    ];
    for (const c of cases) {
      const error = await errorOf(anonymousAt(freshIp()).caller.auth.login(c));
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("Invalid email or password");
    }
    const failures = await deps.repos.audit.list({ action: "auth.login_failed", limit: 10 });
    const reasons = failures.items.map((e) => e.metadata.reason);
    expect(reasons).toEqual(expect.arrayContaining(cases.map((c) => c.reason)));
    const text = JSON.stringify(failures.items);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain("wrong password!");
    expect(failures.items[0]?.requestId).toMatch(/^req-/);
  });

  it("audits a sign-in with the actor's id and name and the request id", async () => {
    const user = await seedUser(deps, {
      role: "operator",
      email: "audited@example.test",
      name: "Otto",
    });
    const ip = freshIp();
    await anonymousAt(ip).caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    const page = await deps.repos.audit.list({ action: "auth.login", actorId: user.userId });
    expect(page.items[0]).toMatchObject({
      actorId: user.userId,
      actorName: "Otto",
      resourceId: user.userId,
      requestId: `req-${ip}`,
      metadata: { ip },
    });
  });

  it("pays for a password check even when the email is unknown", async () => {
    await seedUser(deps, { role: "operator", email: "timing@example.test" });
    // CPU time, not wall time: scrypt's cost is the same on a busy machine, a waiting clock is not.
    // The embedded database runs in this process too, so its reads and writes are counted alike.
    const median = async (email: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = process.cpuUsage();
        await errorOf(
          anonymousAt(freshIp()).caller.auth.login({ email, password: "not it at all" }),
        );
        const spent = process.cpuUsage(started);
        times.push(spent.user + spent.system);
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    await median("warm-up@example.test");
    const known = await median("timing@example.test");
    const unknown = await median("no-such-user@example.test");
    // Without the dummy verification an unknown email answers in one read, a small fraction of scrypt.
    expect(unknown).toBeGreaterThan(known * 0.5);
  });
});

describe("login throttling", () => {
  it("blocks an account from one address after 5 failures, even with the right password", async () => {
    const user = await seedUser(deps, { role: "operator", email: "brute@example.test" });
    const ip = freshIp();
    for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp; i++) {
      const error = await errorOf(
        anonymousAt(ip).caller.auth.login({ email: user.email, password: `guess number ${i}` }),
      );
      expect(error.code).toBe("UNAUTHORIZED");
    }
    const blocked = await errorOf(
      anonymousAt(ip).caller.auth.login({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
    expect(blocked.message).toMatch(/Try again in 15 minutes/);

    // The formatted error carries the wait for clients (tRPC's shape, via the error formatter).
    const { getErrorShape } = await import("@trpc/server/unstable-core-do-not-import");
    const { appRouter } = await import("../src/router");
    const shape = getErrorShape({
      config: appRouter._def._config,
      error: blocked,
      type: "mutation",
      path: "auth.login",
      input: undefined,
      ctx: undefined,
    }) as { data: { retryAfterSeconds: number | null } };
    expect(shape.data.retryAfterSeconds).toBeGreaterThan(800);
    expect(shape.data.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_THROTTLE.windowSeconds);

    // The same account from elsewhere is not locked out by the guesser.
    await expect(
      anonymousAt(freshIp()).caller.auth.login({ email: user.email, password: TEST_PASSWORD }),
    ).resolves.toHaveProperty("user");
  });

  it("resets the account's counter on success", async () => {
    const user = await seedUser(deps, { role: "operator", email: "forgetful@example.test" });
    const ip = freshIp();
    const fail = () =>
      errorOf(anonymousAt(ip).caller.auth.login({ email: user.email, password: "nope nope" }));
    for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp - 1; i++) await fail();
    await anonymousAt(ip).caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp - 1; i++) {
      expect((await fail()).code).toBe("UNAUTHORIZED");
    }
  });

  it("checks at most 5 passwords when 40 wrong guesses from one address arrive at once", async () => {
    const user = await seedUser(deps, { role: "operator", email: "stampede@example.test" });
    const ip = freshIp();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        errorOf(anonymousAt(ip).caller.auth.login({ email: user.email, password: `guess ${i}` })),
      ),
    );
    const checked = outcomes.filter((e) => e.code === "UNAUTHORIZED").length;
    expect(checked).toBeLessThanOrEqual(LOGIN_THROTTLE.perEmailAndIp);
    expect(outcomes.filter((e) => e.code === "TOO_MANY_REQUESTS")).toHaveLength(40 - checked);
    // Every checked password is audited as a failure: the audit log agrees on how many were checked.
    const failures = await deps.repos.audit.list({
      action: "auth.login_failed",
      actorId: user.userId,
      limit: 100,
    });
    expect(failures.items).toHaveLength(checked);
  });

  it("limits one account across many addresses, yet lets it in from an address it used before", async () => {
    const user = await seedUser(deps, { role: "operator", email: "sprayed@example.test" });
    const home = freshIp();
    await anonymousAt(home).caller.auth.login({ email: user.email, password: TEST_PASSWORD });

    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        errorOf(
          anonymousAt(freshIp()).caller.auth.login({ email: user.email, password: `spray ${i}` }),
        ),
      ),
    );
    const refused = outcomes.filter((e) => e.code === "TOO_MANY_REQUESTS").length;
    expect(refused).toBeGreaterThan(0);
    expect(40 - refused).toBeLessThanOrEqual(LOGIN_THROTTLE.perAccount);

    // A new address is refused even with the right password while the account is under attack…
    const stranger = await errorOf(
      anonymousAt(freshIp()).caller.auth.login({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(stranger.code).toBe("TOO_MANY_REQUESTS");
    // …but the attack cannot lock the owner out: an address that signed in before still gets in.
    await expect(
      anonymousAt(home).caller.auth.login({ email: user.email, password: TEST_PASSWORD }),
    ).resolves.toHaveProperty("user");
  });

  it("does not count sign-ins that succeed: a whole office can sign in from one address", async () => {
    const ip = freshIp();
    for (let i = 0; i <= LOGIN_THROTTLE.perIp; i++) {
      const user = await seedUser(deps, { role: "operator", email: `office${i}@example.test` });
      await anonymousAt(ip).caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    }
    const late = await errorOf(
      anonymousAt(ip).caller.auth.login({ email: "office0@example.test", password: "typo" }),
    );
    expect(late.code).toBe("UNAUTHORIZED");
  });

  it("blocks an address after 20 failures across accounts", async () => {
    const ip = freshIp();
    // 19 attempts charged the way login charges them (skipping 19 slow scrypt checks), then one real.
    for (let i = 0; i < LOGIN_THROTTLE.perIp - 1; i++) {
      await reserveLoginAttempt(deps.repos.kv, { email: `spray${i}@example.test`, ip });
    }
    const last = await errorOf(
      anonymousAt(ip).caller.auth.login({ email: "spray-last@example.test", password: "x" }),
    );
    expect(last.code).toBe("UNAUTHORIZED");
    const error = await errorOf(
      anonymousAt(ip).caller.auth.login({ email: "another@example.test", password: "x" }),
    );
    expect(error.code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("sessions", () => {
  async function signIn(email: string, ip = freshIp()) {
    const { caller, cookies } = anonymousAt(ip);
    await caller.auth.login({ email, password: TEST_PASSWORD });
    return tokenOf(cookies[0])!;
  }

  it("logout revokes the session and clears the cookie", async () => {
    const user = await seedUser(deps, { role: "operator", email: "leaving@example.test" });
    const token = await signIn(user.email);
    const { caller, cookies } = anonymousAt(freshIp(), { sessionToken: token });
    await expect(caller.auth.logout()).resolves.toEqual({ ok: true });
    expect(cookies.at(-1)).toMatch(/^acrm_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/);
    expect(await deps.repos.sessions.getSession(token)).toBeNull();
    expect(
      (await anonymousAt(freshIp(), { sessionToken: token }).caller.auth.me()).principalKind,
    ).toBe("anonymous");
    const audit = await deps.repos.audit.list({ action: "auth.logout", actorId: user.userId });
    expect(audit.items).toHaveLength(1);
  });

  it("the machine token can log out (nothing to revoke) and is reported by auth.me", async () => {
    await expect(callerAs(deps, machine).auth.logout()).resolves.toEqual({ ok: true });
    expect(await callerAs(deps, machine).auth.me()).toEqual({
      user: null,
      principalKind: "machine",
      role: "owner",
    });
    expect(await callerAs(deps, { kind: "anonymous" }).auth.me()).toEqual({
      user: null,
      principalKind: "anonymous",
      role: null,
    });
  });

  it("a new sign-in replaces the session the browser already had", async () => {
    const user = await seedUser(deps, { role: "operator", email: "twice@example.test" });
    const first = await signIn(user.email);
    const { caller, cookies } = anonymousAt(freshIp(), { sessionToken: first });
    await caller.auth.login({ email: user.email, password: TEST_PASSWORD });
    expect(await deps.repos.sessions.getSession(first)).toBeNull();
    expect(await deps.repos.sessions.getSession(tokenOf(cookies[0])!)).not.toBeNull();
  });

  it("slides the expiry (and re-sets the cookie) only once a session is past half its life", async () => {
    const user = await seedUser(deps, { role: "operator", email: "sliding@example.test" });
    const token = await signIn(user.email);
    const before = (await deps.repos.sessions.getSession(token))!;

    const early = anonymousAt(freshIp(), { sessionToken: token });
    await early.caller.auth.me();
    expect(early.cookies).toEqual([]);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 200_000); // past half of the 360 s lifetime
    const late = anonymousAt(freshIp(), { sessionToken: token });
    expect((await late.caller.auth.me()).principalKind).toBe("user");
    expect(late.cookies).toHaveLength(1);
    expect(late.cookies[0]).toMatch(/Max-Age=360/);
    const after = (await deps.repos.sessions.getSession(token))!;
    expect(after.expiresAt).toBeGreaterThanOrEqual(before.expiresAt + 190);

    vi.setSystemTime(Date.now() + 400_000); // unused for longer than a lifetime: gone
    expect(
      (await anonymousAt(freshIp(), { sessionToken: token }).caller.auth.me()).user,
    ).toBeNull();
  });
});
