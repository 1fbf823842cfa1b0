import { SESSION_COOKIE } from "@agents-crm/config/staff";
import { startSmtpCapture, type SmtpCapture } from "@agents-crm/config/testing/smtp-capture";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LOGIN_CHALLENGE_COOKIE } from "../src/auth/login-challenge";
import { readCookie } from "../src/auth/session-cookie";
import { createContextInner } from "../src/context";
import type { ApiDeps } from "../src/deps";
import { createLogger } from "../src/logger";
import { appRouter } from "../src/router";
import { createCallerFactory } from "../src/trpc";
import { callerAs, seedUser } from "./helpers/auth-fixtures";
import { auditOf, failure } from "./helpers/router-kit";
import { createTestDeps } from "./helpers/test-api";

const createCaller = createCallerFactory(appRouter);
let smtp: SmtpCapture;
let deps: ApiDeps;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const logLines: string[] = [];

beforeAll(async () => {
  smtp = await startSmtpCapture();
  deps = await createTestDeps({ ...smtp.env, APP_URL: "https://crm.clinic.test" });
  Object.assign(deps, {
    log: createLogger({ json: true, level: "debug", write: (line) => logLines.push(line) }),
  });
});
afterAll(async () => {
  await deps.db.close();
  await smtp.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A signed-out browser at `ip`; `challenge` is the code-request cookie it carries, if any. */
function anonymousAt(ip = freshIp(), on: ApiDeps = deps, challenge: string | null = null) {
  const cookies: string[] = [];
  const caller = callerAs(
    on,
    { credentials: { bearer: null, sessionToken: null, loginChallenge: challenge } },
    { clientIp: ip, setCookie: (value) => cookies.push(value) },
  );
  return { caller, cookies };
}

/** The browser that asked for a code, at another address (a phone moving between networks). */
const browser = (challenge: string) => anonymousAt(freshIp(), deps, challenge);

/**
 * Asks for a code as a browser would (keeping the cookie the answer sets, or the one it already has)
 * and reads it from the mail the SMTP server received.
 */
async function mailedCode(
  email: string,
  language: "en" | "ru" = "en",
  carried: string | null = null,
) {
  const since = smtp.messages.length;
  const { caller, cookies } = anonymousAt(freshIp(), deps, carried);
  const answer = await caller.auth.requestCode({ email, language });
  expect(answer).toEqual({ expiresInMinutes: 10 });
  const challenge = readCookie(cookies[0]?.split(";")[0], LOGIN_CHALLENGE_COOKIE);
  if (!challenge) throw new Error(`no code-request cookie in: ${cookies.join(" | ")}`);
  const mail = await smtp.nextTo(email, { since });
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in: ${mail.text}`);
  return { code, mail, challenge };
}

describe("sign-in by a code sent by e-mail", () => {
  it("mails a six-digit code that signs in exactly like a password", async () => {
    const user = await seedUser(deps, { role: "operator", email: "olga@clinic.test" });
    const { code, mail, challenge } = await mailedCode("OLGA@clinic.test");
    expect(mail.from).toBe("no-reply@clinic.test");
    expect(mail.subject).toBe(`${code} is your Agents CRM sign-in code`);
    expect(mail.text).toContain("https://crm.clinic.test/login");
    expect(mail.text).toContain("within 10 minutes");
    expect(mail.language).toBe("en");

    const { caller, cookies } = browser(challenge);
    const result = await caller.auth.verifyCode({ email: "olga@clinic.test", code });
    expect(result.user).toMatchObject({ userId: user.userId, role: "operator" });
    expect(cookies[0]).toMatch(/^acrm_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=/);
    const token = readCookie(cookies[0]?.split(";")[0], SESSION_COOKIE);
    const me = await callerAs(deps, {
      credentials: { bearer: null, sessionToken: token },
    }).auth.me();
    expect(me.user?.userId).toBe(user.userId);

    const actions = (await auditOf(deps, user.userId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.otp_requested", "auth.otp_login"]));
    // Neither the code nor the mail's text is logged or audited.
    const audits = JSON.stringify(await auditOf(deps, user.userId));
    expect(audits).not.toContain(code);
    expect(logLines.join("\n")).not.toContain(code);
    expect(logLines.join("\n")).not.toContain("olga@clinic.test");
  });

  it("writes the e-mail in Russian when the sign-in page is in Russian", async () => {
    await seedUser(deps, { role: "admin", email: "ivan@clinic.test" });
    const { code, mail } = await mailedCode("ivan@clinic.test", "ru");
    expect(mail.subject).toBe(`${code} — код для входа в Agents CRM`);
    expect(mail.text).toContain("Код действует один раз в течение 10 минут.");
    expect(mail.language).toBe("ru");
  });

  it("accepts the code pasted with a space, and only once", async () => {
    await seedUser(deps, { role: "operator", email: "once@clinic.test" });
    const { code, challenge } = await mailedCode("once@clinic.test");
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    await browser(challenge).caller.auth.verifyCode({ email: "once@clinic.test", code: spaced });
    expect(
      await failure(browser(challenge).caller.auth.verifyCode({ email: "once@clinic.test", code })),
    ).toMatchObject({ code: "UNAUTHORIZED", message: "The code is wrong or has expired" });
  });

  it("refuses a code after ten minutes", async () => {
    await seedUser(deps, { role: "operator", email: "late@clinic.test" });
    const { code, challenge } = await mailedCode("late@clinic.test");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1_000);
    expect(
      await failure(browser(challenge).caller.auth.verifyCode({ email: "late@clinic.test", code })),
    ).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("burns the code after five wrong guesses in the browser that asked, even from five addresses", async () => {
    const user = await seedUser(deps, { role: "operator", email: "guess@clinic.test" });
    const { code, challenge } = await mailedCode("guess@clinic.test");
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++) {
      const answer = await failure(
        browser(challenge).caller.auth.verifyCode({ email: "guess@clinic.test", code: wrong }),
      );
      expect(answer.code).toBe("UNAUTHORIZED");
    }
    expect(
      await failure(
        browser(challenge).caller.auth.verifyCode({ email: "guess@clinic.test", code }),
      ),
    ).toMatchObject({ code: "UNAUTHORIZED", message: "The code is wrong or has expired" });
    const failed = (await auditOf(deps, user.userId)).filter(
      (e) => e.action === "auth.login_failed",
    );
    expect(failed.map((e) => e.metadata.reason)).toEqual([
      "no_code",
      "wrong_code",
      "wrong_code",
      "wrong_code",
      "wrong_code",
      "wrong_code",
    ]);
  });

  it("counts wrong codes in the sign-in throttle like wrong passwords", async () => {
    await seedUser(deps, { role: "operator", email: "throttle@clinic.test" });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      await failure(
        anonymousAt(ip).caller.auth.verifyCode({ email: "throttle@clinic.test", code: "123456" }),
      );
    }
    const refused = await failure(
      anonymousAt(ip).caller.auth.verifyCode({ email: "throttle@clinic.test", code: "123456" }),
    );
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^Too many failed sign-in attempts/);
  });

  it("a new code replaces the one the same browser asked for before", async () => {
    await seedUser(deps, { role: "operator", email: "twice@clinic.test" });
    const first = await mailedCode("twice@clinic.test");
    const second = await mailedCode("twice@clinic.test", "en", first.challenge);
    expect(second.challenge).toBe(first.challenge);
    if (first.code !== second.code) {
      expect(
        await failure(
          browser(first.challenge).caller.auth.verifyCode({
            email: "twice@clinic.test",
            code: first.code,
          }),
        ),
      ).toMatchObject({ code: "UNAUTHORIZED" });
    }
    const ok = await browser(first.challenge).caller.auth.verifyCode({
      email: "twice@clinic.test",
      code: second.code,
    });
    expect(ok.user.email).toBe("twice@clinic.test");
  });

  it("answers an unknown or deactivated address exactly as a real one, and mails nothing", async () => {
    await seedUser(deps, { role: "operator", email: "gone@clinic.test", isActive: false });
    const known = await anonymousAt().caller.auth.requestCode({ email: "olga@clinic.test" });
    const unknown = await anonymousAt().caller.auth.requestCode({ email: "nobody@clinic.test" });
    const inactive = await anonymousAt().caller.auth.requestCode({ email: "gone@clinic.test" });
    expect(unknown).toEqual(known);
    expect(inactive).toEqual(known);
    await deps.work.drain();
    const recipients = smtp.messages.flatMap((m) => m.to);
    expect(recipients).not.toContain("nobody@clinic.test");
    expect(recipients).not.toContain("gone@clinic.test");
    const audited = await auditOf(deps, "nobody@clinic.test");
    expect(audited[0]).toMatchObject({
      action: "auth.otp_requested",
      actorId: "anonymous",
      metadata: { outcome: "unknown_email" },
    });
  });

  it("refuses a deactivated account's code, deactivated after it was mailed", async () => {
    const user = await seedUser(deps, { role: "operator", email: "leaver@clinic.test" });
    const { code, challenge } = await mailedCode("leaver@clinic.test");
    await deps.repos.adminUsers.update(user.userId, { isActive: false });
    expect(
      await failure(
        browser(challenge).caller.auth.verifyCode({ email: "leaver@clinic.test", code }),
      ),
    ).toMatchObject({ code: "UNAUTHORIZED", message: "The code is wrong or has expired" });
    const failed = (await auditOf(deps, user.userId)).find((e) => e.action === "auth.login_failed");
    expect(failed?.metadata.reason).toBe("inactive");
  });

  it("throttles requests per address asked for, known or not, and per client address", async () => {
    await seedUser(deps, { role: "operator", email: "flood@clinic.test" });
    for (const email of ["flood@clinic.test", "ghost@clinic.test"]) {
      for (let i = 0; i < 2; i++) await anonymousAt().caller.auth.requestCode({ email });
      const refused = await failure(anonymousAt().caller.auth.requestCode({ email }));
      expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS" });
      expect(refused.message).toMatch(
        /^Too many sign-in codes requested\. Try again in 15 minutes/,
      );
    }
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      await anonymousAt(ip).caller.auth.requestCode({ email: `spray${i}@clinic.test` });
    }
    expect(
      await failure(anonymousAt(ip).caller.auth.requestCode({ email: "spray20@clinic.test" })),
    ).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await deps.work.drain();
  });

  it("is refused over a WebSocket, which cannot set the cookie", async () => {
    await seedUser(deps, { role: "operator", email: "socket@clinic.test" });
    const { code } = await mailedCode("socket@clinic.test");
    const overSocket = createCaller(createContextInner({ deps, transport: "ws" }));
    expect(
      await failure(overSocket.auth.verifyCode({ email: "socket@clinic.test", code })),
    ).toMatchObject({ code: "METHOD_NOT_SUPPORTED", message: "Sign in over HTTP" });
  });
});

describe("when the SMTP server fails", () => {
  it("says plainly that e-mail cannot be sent, before looking the address up", async () => {
    const down = await startSmtpCapture();
    await down.close();
    const offline = await createTestDeps(down.env);
    const lines: string[] = [];
    Object.assign(offline, {
      log: createLogger({ json: true, level: "info", write: (line) => lines.push(line) }),
    });
    await seedUser(offline, { role: "operator", email: "olga@clinic.test" });
    for (const email of ["olga@clinic.test", "nobody@clinic.test"]) {
      expect(
        await failure(anonymousAt(freshIp(), offline).caller.auth.requestCode({ email })),
      ).toEqual({
        code: "BAD_GATEWAY",
        message:
          "The e-mail server cannot be reached right now: try again later, or sign in with your password",
        paths: [],
      });
    }
    expect(lines.join("\n")).toContain("SMTP server unreachable");
    expect(lines.join("\n")).not.toContain("olga@clinic.test");
    await offline.db.close();
  });

  it("logs a refused message without the address, and the answer stays the same", async () => {
    await seedUser(deps, { role: "operator", email: "bounce@clinic.test" });
    smtp.refuseWith({ code: 550, message: "mailbox bounce@clinic.test unavailable" });
    try {
      const answer = await anonymousAt().caller.auth.requestCode({ email: "bounce@clinic.test" });
      expect(answer).toEqual({ expiresInMinutes: 10 });
      await deps.work.drain();
    } finally {
      smtp.refuseWith(null);
    }
    const warning = logLines.find((line) => line.includes("sign-in code could not be mailed"));
    expect(JSON.parse(warning ?? "{}")).toMatchObject({ level: "warn", responseCode: 550 });
    expect(warning).not.toContain("bounce@clinic.test");
  });
});

describe("without SMTP", () => {
  it("offers no codes, and says so through system.health", async () => {
    const plain = await createTestDeps();
    expect((await anonymousAt(freshIp(), plain).caller.system.health()).signIn).toEqual({
      emailCode: false,
    });
    expect((await anonymousAt().caller.system.health()).signIn).toEqual({ emailCode: true });
    for (const call of [
      () => anonymousAt(freshIp(), plain).caller.auth.requestCode({ email: "a@clinic.test" }),
      () =>
        anonymousAt(freshIp(), plain).caller.auth.verifyCode({
          email: "a@clinic.test",
          code: "123456",
        }),
    ]) {
      expect(await failure(call())).toMatchObject({
        code: "PRECONDITION_FAILED",
        message: "Sign-in by e-mail code is not set up on this server: use your password",
      });
    }
    await plain.db.close();
  });
});
