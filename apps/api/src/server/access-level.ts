import type { AnyProcedure } from "@trpc/server";
import { requireManager, requireStaff } from "../trpc";

/** Who may call a procedure: anyone, any staff member (operators too), or owners and admins. */
export type AccessLevel = "public" | "staff" | "admin";

const staffCheck = requireStaff._middlewares[0];
const managerCheck = requireManager._middlewares.at(-1);

/**
 * Read from the procedure's middleware chain, not from a hand-kept list: a procedure built on
 * `adminProcedure` is admin-only because that check is in its chain, wherever it was defined.
 */
export function accessLevelOf(procedure: AnyProcedure): AccessLevel {
  const chain = (procedure._def as { middlewares?: unknown[] }).middlewares ?? [];
  if (managerCheck && chain.includes(managerCheck)) return "admin";
  if (staffCheck && chain.includes(staffCheck)) return "staff";
  return "public";
}
