import { passwordSchema } from "@agents-crm/config/staff";
import type { Context } from "../context";
import { recordAudit } from "../domain/audit";
import { invalidInput, notFound } from "../domain/errors";
import { assertMayManageOwners } from "./owner-guard";
import { generatePassword } from "./password";
import type { Staff } from "./principal";
import { replacePassword } from "./replace-password";

type StaffContext = Context & { principal: Staff };

/**
 * An owner or admin gives someone a new password (forgotten, or handed to the wrong person). The
 * generated password is returned once and stored only as a hash; every session of that account is
 * signed out. Same rule as editing an account: only owners touch owners. Your own password is changed
 * on the profile page, with the current one.
 */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: { userId: string };
}): Promise<{ userId: string; email: string; password: string; sessionsRevoked: number }> {
  const { adminUsers } = ctx.deps.repos;
  if (input.userId === ctx.principal.id) {
    throw invalidInput("userId", "change your own password on your profile page");
  }
  const target = await adminUsers.getById(input.userId);
  if (!target) throw notFound(`User ${input.userId} not found`);
  if (target.role === "owner") assertMayManageOwners(ctx.principal, "reset an owner's password");

  const password = passwordSchema.parse(generatePassword());
  const { sessionsRevoked, initialPasswordForgotten } = await replacePassword(
    ctx.deps,
    { id: target.userId, email: target.email },
    password,
  );
  await recordAudit(ctx, {
    action: "users.reset_password",
    resourceType: "admin_user",
    resourceId: target.userId,
    metadata: { sessionsRevoked, initialPasswordForgotten },
  });
  return { userId: target.userId, email: target.email, password, sessionsRevoked };
}
