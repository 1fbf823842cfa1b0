import { ADMIN_ROLES, MIN_PASSWORD } from "@agents-crm/config/staff";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";
import { errorCode } from "~/features/console/api-error";
import type { StaffRole } from "~/features/console/types";

export type StaffUser = inferRouterOutputs<AppRouter>["users"]["list"]["items"][number];

/** The generator lives with the password rules it must meet (packages/config/staff). */
export { GENERATED_PASSWORD_LENGTH, generatePassword } from "@agents-crm/config/staff";

/** Only owners make or change owners: an admin is offered the other roles. */
export function assignableRoles(actorRole: StaffRole): StaffRole[] {
  return actorRole === "owner" ? [...ADMIN_ROLES] : ADMIN_ROLES.filter((role) => role !== "owner");
}

export type Locked = "ownerOnly" | "self" | "ownPassword" | null;

/** What the signed-in user may do to a row, and why not (the API enforces the same rules). */
export function userActions(
  actor: { userId: string; role: StaffRole },
  target: Pick<StaffUser, "userId" | "role">,
): { changeRole: Locked; deactivate: Locked; remove: Locked; resetPassword: Locked } {
  const ownerOnly = target.role === "owner" && actor.role !== "owner";
  const self = actor.userId === target.userId;
  return {
    changeRole: ownerOnly ? "ownerOnly" : null,
    deactivate: ownerOnly ? "ownerOnly" : self ? "self" : null,
    remove: ownerOnly ? "ownerOnly" : self ? "self" : null,
    // Your own password is changed on the profile page, with the current one.
    resetPassword: ownerOnly ? "ownerOnly" : self ? "ownPassword" : null,
  };
}

export interface NewUserInput {
  name: string;
  email: string;
  role: StaffRole;
  password: string;
}

export type NewUserProblem = "required" | "emailInvalid" | "passwordTooShort";

export function validateNewUser(
  input: NewUserInput,
): Partial<Record<keyof NewUserInput, NewUserProblem>> {
  const problems: Partial<Record<keyof NewUserInput, NewUserProblem>> = {};
  if (!input.name.trim()) problems.name = "required";
  const email = input.email.trim();
  if (!email) problems.email = "required";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.email = "emailInvalid";
  if (input.password.length < MIN_PASSWORD) problems.password = "passwordTooShort";
  return problems;
}

export type UserErrorKind =
  "lastOwner" | "ownersOnly" | "self" | "emailTaken" | "changedElsewhere" | "notFound" | "other";

/** The rule a failed users.* call ran into, so the page can say it in the user's language. */
export function userErrorKind(
  error: unknown,
  during: "create" | "update" | "delete",
): UserErrorKind {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : "";
  if (code === "FORBIDDEN") return "ownersOnly";
  if (code === "NOT_FOUND") return "notFound";
  if (code === "CONFLICT") {
    if (/last active owner/i.test(message)) return "lastOwner";
    return during === "create" ? "emailTaken" : "changedElsewhere";
  }
  if (code === "BAD_REQUEST" && /your own account/i.test(message)) return "self";
  return "other";
}
