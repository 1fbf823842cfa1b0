import { randomInt } from "node:crypto";
import {
  LOGIN_CODE_LENGTH,
  LOGIN_CODE_MAX_ATTEMPTS,
  LOGIN_CODE_TTL_MINUTES,
  type LoginCodeLanguage,
} from "@agents-crm/config/login-codes";
import type { Context } from "../context";
import type { ApiDeps } from "../deps";
import { notSupported, preconditionFailed, upstreamFailed } from "../domain/errors";
import { loginCodeMail } from "../mail/login-code-mail";
import { smtpFailureFields, type Mailer } from "../mail/mailer";
import { carriedChallenge, challengeCookie, newChallenge } from "./login-challenge";
import { chargeCodeRequest } from "./login-code-throttle";
import { cookieShouldBeSecure } from "./session-cookie";

export const emailCodesOff = () =>
  preconditionFailed("Sign-in by e-mail code is not set up on this server: use your password");

export function requireMailer(deps: ApiDeps): Mailer {
  if (!deps.mailer) throw emailCodesOff();
  return deps.mailer;
}

const newCode = () =>
  String(randomInt(0, 10 ** LOGIN_CODE_LENGTH)).padStart(LOGIN_CODE_LENGTH, "0");

/** Stores the account's new code (superseding any earlier one) and mails it. */
async function issueAndMail(
  deps: ApiDeps,
  mailer: Mailer,
  account: { userId: string; email: string },
  language: LoginCodeLanguage,
  challenge: string,
) {
  const code = newCode();
  await deps.repos.loginCodes.issue(account.email, code, {
    ttlSeconds: LOGIN_CODE_TTL_MINUTES * 60,
    maxAttempts: LOGIN_CODE_MAX_ATTEMPTS,
    challenge,
  });
  const mail = loginCodeMail({
    to: account.email,
    code,
    language,
    expiresInMinutes: LOGIN_CODE_TTL_MINUTES,
    appUrl: deps.env.APP_URL,
  });
  try {
    await mailer.send(mail);
    deps.log.info("sign-in code mailed", { userId: account.userId });
  } catch (error) {
    // The server's reply may quote the address: only codes are logged, unless DEBUG.
    deps.log.warn("sign-in code could not be mailed", {
      userId: account.userId,
      ...smtpFailureFields(error),
      ...(deps.env.DEBUG ? { error } : {}),
    });
  }
}

/**
 * Mails a one-time code to an active account. The caller cannot tell whether the address has an
 * account: the answer, its throttling and the work done before answering are the same either way
 * (the code is stored and mailed after the answer, in the background). Only an SMTP server that does
 * not answer is reported, and that is checked before the address is looked up.
 */
export async function requestLoginCode({
  ctx,
  input,
}: {
  ctx: Context;
  input: { email: string; language: LoginCodeLanguage };
}): Promise<{ expiresInMinutes: number }> {
  const { deps } = ctx;
  // The code is good only with the cookie this answer sets, which a WebSocket cannot.
  if (ctx.transport === "ws") throw notSupported("Sign in over HTTP");
  const mailer = requireMailer(deps);
  await chargeCodeRequest(deps.repos.kv, { email: input.email, ip: ctx.clientIp });
  const challenge = carriedChallenge(ctx.credentials.loginChallenge) ?? newChallenge();
  ctx.setCookie(
    challengeCookie(challenge, {
      maxAgeSeconds: LOGIN_CODE_TTL_MINUTES * 60,
      secure: cookieShouldBeSecure(ctx.secure, deps.env.ENVIRONMENT),
    }),
  );
  try {
    await mailer.ensureReachable();
  } catch (error) {
    deps.log.warn("SMTP server unreachable", {
      ...smtpFailureFields(error),
      ...(deps.env.DEBUG ? { error } : {}),
    });
    throw upstreamFailed(
      "The e-mail server cannot be reached right now: try again later, or sign in with your password",
    );
  }

  const credentials = await deps.repos.adminUsers.getCredentials(input.email);
  const outcome = !credentials ? "unknown_email" : !credentials.isActive ? "inactive" : "mailed";
  await deps.repos.audit.append({
    actorId: credentials?.userId ?? "anonymous",
    actorName: input.email,
    action: "auth.otp_requested",
    resourceType: "admin_user",
    resourceId: credentials?.userId ?? input.email,
    requestId: ctx.requestId,
    metadata: { outcome, language: input.language, ip: ctx.clientIp, userAgent: ctx.userAgent },
  });
  if (credentials && outcome === "mailed") {
    // Started after this answer is on its way: its cost must not show in the answer's timing.
    deps.work.run("mail sign-in code", async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await issueAndMail(deps, mailer, credentials, input.language, challenge);
    });
  }
  return { expiresInMinutes: LOGIN_CODE_TTL_MINUTES };
}
