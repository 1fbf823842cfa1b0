import type { AdminUser, RedeemOutcome } from "@agents-crm/db";
import type { Context } from "../context";
import { notSupported, unauthorized } from "../domain/errors";
import { carriedChallenge, challengeCookie } from "./login-challenge";
import { reserveLoginAttempt } from "./login-throttle";
import { requireMailer } from "./request-login-code";
import { cookieShouldBeSecure } from "./session-cookie";
import { auditSignInFailure, startSignedInSession } from "./sign-in-session";

/**
 * Signs in with a mailed code exactly as a password does (same throttle, cookie, session and audit
 * trail). Every failure gets the same answer: telling "wrong" from "no code" would reveal which
 * addresses have an account with a code outstanding.
 */
export async function verifyLoginCode({
  ctx,
  input,
}: {
  ctx: Context;
  input: { email: string; code: string };
}): Promise<{ user: AdminUser }> {
  if (ctx.transport === "ws") throw notSupported("Sign in over HTTP");
  requireMailer(ctx.deps);
  const { kv, adminUsers, loginCodes } = ctx.deps.repos;
  const reservation = await reserveLoginAttempt(kv, {
    email: input.email,
    ip: ctx.clientIp,
    method: "code",
  });

  // Only the browser that asked for the code can use it (login-challenge.ts).
  const challenge = carriedChallenge(ctx.credentials.loginChallenge);
  const result: RedeemOutcome = challenge
    ? await loginCodes.redeem(input.email, input.code, challenge)
    : { outcome: "absent" };
  const credentials = await adminUsers.getCredentials(input.email);
  const failure =
    result.outcome === "wrong"
      ? "wrong_code"
      : result.outcome === "absent"
        ? "no_code"
        : !credentials
          ? "unknown_email"
          : !credentials.isActive
            ? "inactive"
            : null;
  if (failure || !credentials) {
    await auditSignInFailure(ctx, input.email, credentials, failure ?? "unknown_email", {
      method: "code",
      ...(result.outcome === "wrong" ? { attemptsLeft: result.attemptsLeft } : {}),
    });
    throw unauthorized("The code is wrong or has expired");
  }
  const signedIn = await startSignedInSession(ctx, credentials, reservation, "auth.otp_login");
  ctx.setCookie(
    challengeCookie("", {
      maxAgeSeconds: 0,
      secure: cookieShouldBeSecure(ctx.secure, ctx.deps.env.ENVIRONMENT),
    }),
  );
  return signedIn;
}
