import { startSmtpCapture, type SmtpCapture } from "@agents-crm/config/testing/smtp-capture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_CHALLENGE_COOKIE } from "../src/auth/login-challenge";
import { readCookie } from "../src/auth/session-cookie";
import type { ApiDeps } from "../src/deps";
import { TEST_PASSWORD, callerAs, seedUser } from "./helpers/auth-fixtures";
import { failure } from "./helpers/router-kit";
import { createTestDeps } from "./helpers/test-api";

/**
 * A stranger who knows a colleague's address, against sign-in by e-mailed code (against the local SMTP
 * server library the e2e uses): they must not be able to lock the owner out, and many addresses
 * together must not get more guesses than one.
 */
let smtp: SmtpCapture;
let deps: ApiDeps;
let ipCounter = 0;
const strangerIp = () => `203.0.113.${++ipCounter}`;
const OWNER_IP = "192.0.2.10";

beforeAll(async () => {
  smtp = await startSmtpCapture();
  deps = await createTestDeps({ ...smtp.env, APP_URL: "https://crm.clinic.test" });
});
afterAll(async () => {
  await deps.work.drain();
  await deps.db.close();
  await smtp.close();
});

function at(ip: string, challenge: string | null = null) {
  const cookies: string[] = [];
  const caller = callerAs(
    deps,
    { credentials: { bearer: null, sessionToken: null, loginChallenge: challenge } },
    { clientIp: ip, setCookie: (value) => cookies.push(value) },
  );
  return { caller, cookies };
}

/** The owner's browser asks for a code; the mail comes to the owner. */
async function ownerAsks(email: string, ip = OWNER_IP) {
  // Codes strangers asked for are mailed after their answer, to the same address: wait them out, so the
  // owner's mail is the one read below.
  await deps.work.drain();
  const since = smtp.messages.length;
  const { caller, cookies } = at(ip);
  await caller.auth.requestCode({ email });
  const challenge = readCookie(cookies[0]?.split(";")[0], LOGIN_CHALLENGE_COOKIE)!;
  const mail = await smtp.nextTo(email, { since });
  return { code: /\b(\d{6})\b/.exec(mail.text)![1]!, challenge };
}

describe("a stranger cannot lock the owner out of sign-in by code", () => {
  it("asking for codes and guessing wrong from many addresses leaves the owner's code working", async () => {
    await seedUser(deps, { role: "operator", email: "owner1@clinic.test" });
    const owner = await ownerAsks("owner1@clinic.test");
    // Asking for more codes (until refused) replaces none of the owner's.
    for (let i = 0; i < 3; i++) {
      await at(strangerIp())
        .caller.auth.requestCode({ email: "owner1@clinic.test" })
        .catch(() => undefined);
    }
    const wrong = owner.code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 12; i++) {
      const ip = strangerIp();
      const answer = await failure(
        at(ip).caller.auth.verifyCode({ email: "owner1@clinic.test", code: wrong }),
      );
      expect(answer.code).toBe("UNAUTHORIZED");
    }
    // Even the right code is no use to a browser that did not ask for it.
    expect(
      await failure(
        at(strangerIp()).caller.auth.verifyCode({ email: "owner1@clinic.test", code: owner.code }),
      ),
    ).toMatchObject({ code: "UNAUTHORIZED" });

    const signedIn = await at(OWNER_IP, owner.challenge).caller.auth.verifyCode({
      email: "owner1@clinic.test",
      code: owner.code,
    });
    expect(signedIn.user.email).toBe("owner1@clinic.test");
  });

  it("strangers using up the requests leave the owner's usual address able to ask for a fresh code", async () => {
    await seedUser(deps, { role: "operator", email: "owner2@clinic.test" });
    // The owner signed in here before: an address this account is known at.
    await at(OWNER_IP).caller.auth.login({ email: "owner2@clinic.test", password: TEST_PASSWORD });
    let refused = 0;
    for (let i = 0; i < 8; i++) {
      const asked = at(strangerIp()).caller.auth.requestCode({ email: "owner2@clinic.test" });
      const code = await asked.then(() => "ok").catch((e: { code?: string }) => e.code);
      if (code === "TOO_MANY_REQUESTS") refused++;
    }
    expect(refused).toBeGreaterThan(0);

    const owner = await ownerAsks("owner2@clinic.test");
    const signedIn = await at(OWNER_IP, owner.challenge).caller.auth.verifyCode({
      email: "owner2@clinic.test",
      code: owner.code,
    });
    expect(signedIn.user.email).toBe("owner2@clinic.test");
  });

  it("wrong codes from a botnet never lock the owner out of password sign-in, even from a new address", async () => {
    await seedUser(deps, { role: "operator", email: "owner3@clinic.test" });
    for (let i = 0; i < 40; i++) {
      await failure(
        at(strangerIp()).caller.auth.verifyCode({ email: "owner3@clinic.test", code: "123456" }),
      );
    }
    const signedIn = await at("192.0.2.99").caller.auth.login({
      email: "owner3@clinic.test",
      password: TEST_PASSWORD,
    });
    expect(signedIn.user.email).toBe("owner3@clinic.test");
  });
});

describe("many addresses get no more than one", () => {
  it("a botnet asking for one account's codes is refused after a few, so its guesses stay few", async () => {
    await seedUser(deps, { role: "operator", email: "target@clinic.test" });
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const asked = at(strangerIp()).caller.auth.requestCode({ email: "target@clinic.test" });
      outcomes.push(await asked.then(() => "ok").catch((e: { code?: string }) => e.code ?? "?"));
    }
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(2);
    expect(outcomes.slice(2).every((o) => o === "TOO_MANY_REQUESTS")).toBe(true);
  });
});
