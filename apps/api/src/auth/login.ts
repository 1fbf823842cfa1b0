import { randomBytes } from "node:crypto";
import { hashSessionToken, type AdminCredentials, type AdminUser } from "@agents-crm/db";
import type { Context } from "../context";
import { recordAudit } from "../domain/audit";
import { announceAccessChange } from "./access-changes";
import { reserveLoginAttempt, settleLoginSuccess } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { cookieShouldBeSecure, sessionCookie } from "./session-cookie";
import { sessionTtlSeconds } from "./session-renewal";
import { userPrincipal } from "./resolve-principal";
import { notSupported, unauthorized } from "../domain/errors";

let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(18).toString("base64url")));

type Failure = "unknown_email" | "wrong_password" | "inactive";

async function auditFailure(
  ctx: Context,
  email: string,
  credentials: AdminCredentials | null,
  reason: Failure,
) {
  await ctx.deps.repos.audit.append({
    actorId: credentials?.userId ?? "anonymous",
    actorName: email,
    action: "auth.login_failed",
    resourceType: "admin_user",
    resourceId: credentials?.userId ?? email,
    requestId: ctx.requestId,
    metadata: { reason, ip: ctx.clientIp, userAgent: ctx.userAgent },
  });
}

/**
 * Email + password sign-in. Every failure looks the same to the caller (same message, and unknown
 * emails still pay for a scrypt verification against a dummy hash); the audit log keeps the reason.
 */
export async function login({
  ctx,
  input,
}: {
  ctx: Context;
  input: { email: string; password: string };
}): Promise<{ user: AdminUser }> {
  if (ctx.transport === "ws") {
    // A WebSocket cannot set the cookie, so a session made here would be unusable (and unrevoked).
    throw notSupported("Sign in over HTTP");
  }
  const { kv, adminUsers, sessions } = ctx.deps.repos;
  const reservation = await reserveLoginAttempt(kv, { email: input.email, ip: ctx.clientIp });

  const credentials = await adminUsers.getCredentials(input.email);
  const passwordOk = await verifyPassword(
    input.password,
    credentials?.passwordHash ?? (await dummy()),
  );
  const failure: Failure | null = !credentials
    ? "unknown_email"
    : !passwordOk
      ? "wrong_password"
      : !credentials.isActive
        ? "inactive"
        : null;
  if (failure || !credentials) {
    await auditFailure(ctx, input.email, credentials, failure ?? "unknown_email");
    throw unauthorized("Invalid email or password");
  }

  // A new session id at every sign-in: a token planted before login (session fixation) is dropped.
  if (ctx.sessionToken) {
    await sessions.deleteSession(ctx.sessionToken);
    await announceAccessChange(ctx.deps, { sessionId: hashSessionToken(ctx.sessionToken) });
  }
  const ttl = sessionTtlSeconds(ctx.deps);
  const { token, session } = await sessions.createSession(credentials.userId, ttl, {
    userAgent: ctx.userAgent ?? undefined,
    ip: ctx.clientIp,
  });
  ctx.setCookie(
    sessionCookie(token, {
      maxAgeSeconds: ttl,
      secure: cookieShouldBeSecure(ctx.secure, ctx.deps.env.ENVIRONMENT),
    }),
  );
  const user = await adminUsers.recordLogin(credentials.userId);
  await settleLoginSuccess(kv, reservation);
  await recordAudit(
    { ...ctx, principal: userPrincipal(user, session.sessionId) },
    {
      action: "auth.login",
      resourceType: "admin_user",
      resourceId: user.userId,
      metadata: { ip: ctx.clientIp, userAgent: ctx.userAgent, transport: ctx.transport },
    },
  );
  return { user };
}
