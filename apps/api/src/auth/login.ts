import { randomBytes } from "node:crypto";
import type { AdminUser } from "@agents-crm/db";
import type { Context } from "../context";
import { notSupported, unauthorized } from "../domain/errors";
import { reserveLoginAttempt } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { auditSignInFailure, startSignedInSession, type SignInFailure } from "./sign-in-session";

let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(18).toString("base64url")));

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
  const { kv, adminUsers } = ctx.deps.repos;
  const reservation = await reserveLoginAttempt(kv, { email: input.email, ip: ctx.clientIp });

  const credentials = await adminUsers.getCredentials(input.email);
  const passwordOk = await verifyPassword(
    input.password,
    credentials?.passwordHash ?? (await dummy()),
  );
  const failure: SignInFailure | null = !credentials
    ? "unknown_email"
    : !passwordOk
      ? "wrong_password"
      : !credentials.isActive
        ? "inactive"
        : null;
  if (failure || !credentials) {
    await auditSignInFailure(ctx, input.email, credentials, failure ?? "unknown_email");
    throw unauthorized("Invalid email or password");
  }
  return startSignedInSession(ctx, credentials, reservation, "auth.login");
}
