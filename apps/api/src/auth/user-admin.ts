import type { AdminRole } from "@agents-crm/config/staff";
import type { AdminUser } from "@agents-crm/db";
import type { Context } from "../context";
import { forgetInitialPassword } from "../bootstrap/initial-admin";
import { recordAudit } from "../domain/audit";
import { announceAccessChange } from "./access-changes";
import { invalidInput, notFound } from "../domain/errors";
import { assertMayManageOwners, isActiveOwner, keepingAnOwner } from "./owner-guard";
import { hashPassword } from "./password";
import type { Staff } from "./principal";

type StaffContext = Context & { principal: Staff };

/** What the audit log keeps of an account: never the password hash. */
const auditView = (user: AdminUser) => ({
  email: user.email,
  name: user.name,
  role: user.role,
  isActive: user.isActive,
});

async function existing(ctx: StaffContext, userId: string): Promise<AdminUser> {
  const user = await ctx.deps.repos.adminUsers.getById(userId);
  if (!user) throw notFound(`User ${userId} not found`);
  return user;
}

export async function createUser({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: { name: string; email: string; role: AdminRole; password: string };
}): Promise<AdminUser> {
  if (input.role === "owner") assertMayManageOwners(ctx.principal, "create owners");
  const user = await ctx.deps.repos.adminUsers.create({
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  await recordAudit(ctx, {
    action: "users.create",
    resourceType: "admin_user",
    resourceId: user.userId,
    newValue: auditView(user),
  });
  return user;
}

export interface UpdateUserInput {
  userId: string;
  name?: string;
  role?: AdminRole;
  isActive?: boolean;
  password?: string;
  expectedVersion?: number;
}

export async function updateUser({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: UpdateUserInput;
}): Promise<AdminUser> {
  const { adminUsers, sessions } = ctx.deps.repos;
  const actor = ctx.principal;
  const target = await existing(ctx, input.userId);
  if (target.role === "owner") assertMayManageOwners(actor, "change an owner's account");
  if (input.role === "owner") assertMayManageOwners(actor, "make someone an owner");
  if (input.isActive === false && actor.id === target.userId) {
    throw invalidInput("isActive", "you cannot deactivate your own account");
  }

  const patch = {
    name: input.name,
    role: input.role,
    isActive: input.isActive,
    passwordHash: input.password === undefined ? undefined : await hashPassword(input.password),
  };
  const apply = () =>
    adminUsers.update(target.userId, patch, { expectedVersion: input.expectedVersion });
  const losesOwner =
    isActiveOwner(target) &&
    ((input.role !== undefined && input.role !== "owner") || input.isActive === false);
  const updated = losesOwner
    ? await keepingAnOwner(ctx.deps.repos, apply, () =>
        adminUsers.update(target.userId, { role: target.role, isActive: target.isActive }),
      )
    : await apply();

  let sessionsRevoked = 0;
  if (input.isActive === false) {
    sessionsRevoked = await sessions.deleteSessionsOfUser(target.userId);
  } else if (patch.passwordHash) {
    // Changing your own password keeps the session you changed it from; everything else signs out.
    const keep = actor.kind === "user" && actor.id === target.userId ? actor.sessionId : undefined;
    sessionsRevoked = await sessions.deleteSessionsOfUser(target.userId, { exceptSessionId: keep });
    await forgetInitialPassword(ctx.deps.env, target.email);
  }
  if (input.role !== undefined || input.isActive !== undefined || sessionsRevoked > 0) {
    await announceAccessChange(ctx.deps, { userId: target.userId });
  }

  const before = auditView(target);
  const after = auditView(updated);
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter(
    (key) => before[key] !== after[key],
  );
  await recordAudit(ctx, {
    action: "users.update",
    resourceType: "admin_user",
    resourceId: target.userId,
    oldValue: Object.fromEntries(changed.map((key) => [key, before[key]])),
    newValue: Object.fromEntries(changed.map((key) => [key, after[key]])),
    metadata: { passwordChanged: patch.passwordHash !== undefined, sessionsRevoked },
  });
  return updated;
}

export async function deleteUser({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: { userId: string };
}): Promise<{ userId: string; sessionsRevoked: number }> {
  const { adminUsers, sessions } = ctx.deps.repos;
  if (input.userId === ctx.principal.id) {
    throw invalidInput("userId", "you cannot delete your own account");
  }
  const target = await existing(ctx, input.userId);
  if (target.role === "owner") assertMayManageOwners(ctx.principal, "delete an owner");
  // Deactivating first lets the owner check undo the step if a concurrent change left no owner.
  if (isActiveOwner(target)) {
    await keepingAnOwner(
      ctx.deps.repos,
      () => adminUsers.update(target.userId, { isActive: false }),
      () => adminUsers.update(target.userId, { isActive: true }),
    );
  }
  const sessionsRevoked = await sessions.deleteSessionsOfUser(target.userId);
  await adminUsers.delete(target.userId);
  await announceAccessChange(ctx.deps, { userId: target.userId });
  await recordAudit(ctx, {
    action: "users.delete",
    resourceType: "admin_user",
    resourceId: target.userId,
    oldValue: auditView(target),
    metadata: { sessionsRevoked },
  });
  return { userId: target.userId, sessionsRevoked };
}
