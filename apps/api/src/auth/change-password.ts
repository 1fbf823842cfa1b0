import type { Context } from "../context";
import { recordAudit } from "../domain/audit";
import { invalidInput, notFound, notSupported } from "../domain/errors";
import { reserveLoginAttempt, settleLoginSuccess } from "./login-throttle";
import { verifyPassword } from "./password";
import type { Staff } from "./principal";
import { replacePassword } from "./replace-password";

type StaffContext = Context & { principal: Staff };

/**
 * A signed-in user changes their own password. The current one is checked like a sign-in (scrypt,
 * constant-time compare) and charged to the same throttle, so a left-open console cannot be used to
 * guess it faster than the login page allows. The session it was changed from stays; every other
 * session of the account is signed out.
 */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: { currentPassword: string; newPassword: string };
}): Promise<{ sessionsRevoked: number }> {
  const actor = ctx.principal;
  if (actor.kind !== "user")
    throw notSupported("The API token has no password: sign in as a user to change one");
  const { kv, adminUsers } = ctx.deps.repos;

  const reservation = await reserveLoginAttempt(kv, { email: actor.email, ip: ctx.clientIp });
  const credentials = await adminUsers.getCredentials(actor.email);
  if (!credentials || credentials.userId !== actor.id)
    throw notFound("Your account no longer exists");
  if (!(await verifyPassword(input.currentPassword, credentials.passwordHash))) {
    await recordAudit(ctx, {
      action: "auth.login_failed",
      resourceType: "admin_user",
      resourceId: actor.id,
      metadata: { reason: "wrong_current_password", ip: ctx.clientIp, userAgent: ctx.userAgent },
    });
    throw invalidInput("currentPassword", "is not your current password");
  }
  await settleLoginSuccess(kv, reservation);
  if (input.newPassword === input.currentPassword) {
    throw invalidInput("newPassword", "must differ from the current password");
  }

  const { sessionsRevoked, initialPasswordForgotten } = await replacePassword(
    ctx.deps,
    actor,
    input.newPassword,
    actor.sessionId,
  );
  await recordAudit(ctx, {
    action: "auth.change_password",
    resourceType: "admin_user",
    resourceId: actor.id,
    metadata: { sessionsRevoked, initialPasswordForgotten },
  });
  return { sessionsRevoked };
}
