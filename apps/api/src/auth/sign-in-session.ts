import { hashSessionToken, type AdminCredentials, type AdminUser } from "@agents-crm/db";
import type { Context } from "../context";
import { recordAudit } from "../domain/audit";
import { announceAccessChange } from "./access-changes";
import { settleLoginSuccess, type LoginReservation } from "./login-throttle";
import { userPrincipal } from "./resolve-principal";
import { cookieShouldBeSecure, sessionCookie } from "./session-cookie";
import { sessionTtlSeconds } from "./session-renewal";

/** Why a sign-in failed: kept in the audit log, never told to the caller. */
export type SignInFailure =
  "unknown_email" | "wrong_password" | "inactive" | "no_code" | "wrong_code";

export async function auditSignInFailure(
  ctx: Context,
  email: string,
  credentials: AdminCredentials | null,
  reason: SignInFailure,
  extra: Record<string, unknown> = {},
) {
  await ctx.deps.repos.audit.append({
    actorId: credentials?.userId ?? "anonymous",
    actorName: email,
    action: "auth.login_failed",
    resourceType: "admin_user",
    resourceId: credentials?.userId ?? email,
    requestId: ctx.requestId,
    metadata: { reason, ip: ctx.clientIp, userAgent: ctx.userAgent, ...extra },
  });
}

/**
 * What every successful sign-in does, by password or by code: a new session (and cookie), the
 * throttle settled, the login recorded and audited under `action`.
 */
export async function startSignedInSession(
  ctx: Context,
  credentials: AdminCredentials,
  reservation: LoginReservation,
  action: "auth.login" | "auth.otp_login",
): Promise<{ user: AdminUser }> {
  const { kv, adminUsers, sessions } = ctx.deps.repos;
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
      action,
      resourceType: "admin_user",
      resourceId: user.userId,
      metadata: { ip: ctx.clientIp, userAgent: ctx.userAgent, transport: ctx.transport },
    },
  );
  return { user };
}
