import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import type { Staff } from "../../src/auth/principal";
import type { ApiDeps } from "../../src/deps";
import { callerAs, principalOf, seedUser } from "./auth-fixtures";
import { createTestDeps } from "./test-api";
import { knownErrorToTRPC } from "../../src/trpc-errors";

/** Router tests' usual world: fresh dependencies with an admin and an operator signed in. */
export async function createStaffDeps(
  envOverrides: Record<string, string> = {},
): Promise<{ deps: ApiDeps; admin: Staff; operator: Staff }> {
  const deps = await createTestDeps(envOverrides);
  const admin = principalOf(await seedUser(deps, { role: "admin" }));
  const operator = principalOf(await seedUser(deps, { role: "operator" }));
  return { deps, admin, operator };
}

/** Calls through the router as `who` and asserts that none of `hidden` stands in what comes back. */
export async function callRevealingNone<T>(
  deps: ApiDeps,
  who: Staff,
  hidden: readonly string[],
  fn: (caller: ReturnType<typeof callerAs>) => Promise<T>,
): Promise<T> {
  const result = await fn(callerAs(deps, who));
  const text = JSON.stringify(result);
  for (const secret of hidden) expect(text).not.toContain(secret);
  return result;
}

/**
 * The error a call fails with, with the formatter's `issues` as paths (createCaller throws the
 * TRPCError); none of `secrets` may stand in its message.
 */
export async function failure(
  promise: Promise<unknown>,
  secrets: readonly string[] = [],
): Promise<{ code: string; message: string; paths: string[] }> {
  try {
    await promise;
  } catch (thrown) {
    // Domain functions called directly throw domain errors: seen as a client would see them.
    const error = knownErrorToTRPC(thrown) ?? thrown;
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { issues?: { path: PropertyKey[] }[] } | undefined;
    for (const secret of secrets) expect(error.message).not.toContain(secret);
    return {
      code: error.code,
      message: error.message,
      paths: (cause?.issues ?? []).map((i) => i.path.join(".")),
    };
  }
  throw new Error("expected the call to fail");
}

/** The audit entries about one resource, newest first. */
export const auditOf = async (deps: ApiDeps, resourceId: string) =>
  (await deps.repos.audit.list({ resourceId, limit: 50 })).items;

/** The actions audited about one resource, newest first. */
export const auditActions = async (deps: ApiDeps, resourceId: string) =>
  (await auditOf(deps, resourceId)).map((e) => e.action);
