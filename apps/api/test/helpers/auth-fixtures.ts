import type { AdminRole } from "@agents-crm/config/staff";
import type { AdminUser } from "@agents-crm/db";
import { hashPassword } from "../../src/auth/password";
import type { Principal, Staff } from "../../src/auth/principal";
import type { Credentials } from "../../src/auth/resolve-principal";
import { createContextInner } from "../../src/context";
import type { ApiDeps } from "../../src/deps";
import { appRouter } from "../../src/router";
import { createCallerFactory } from "../../src/trpc";
import { userPrincipal } from "../../src/auth/resolve-principal";

export const TEST_PASSWORD = "correct horse battery";
let hashed: Promise<string> | null = null;
// scrypt is deliberately slow: one hash per test file, shared by every seeded account.
const testHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

let counter = 0;
export async function seedUser(
  deps: ApiDeps,
  options: { role: AdminRole; name?: string; email?: string; isActive?: boolean },
): Promise<AdminUser> {
  counter += 1;
  return deps.repos.adminUsers.create({
    email: options.email ?? `${options.role}${counter}@example.test`,
    name: options.name ?? `${options.role} ${counter}`,
    role: options.role,
    passwordHash: await testHash(),
    isActive: options.isActive,
  });
}

export const principalOf = (user: AdminUser, sessionId = `session-of-${user.userId}`): Staff =>
  userPrincipal(user, sessionId);

export const machine: Staff = { kind: "machine", id: "machine", name: "API token", role: "owner" };

const createCaller = createCallerFactory(appRouter);

export function callerAs(
  deps: ApiDeps,
  who: Principal | { credentials: Credentials },
  extra: {
    requestId?: string;
    clientIp?: string;
    secure?: boolean;
    setCookie?: (value: string) => void;
  } = {},
) {
  const ctx = createContextInner({
    deps,
    ...("credentials" in who ? { credentials: who.credentials } : { principal: who }),
    ...extra,
  });
  return createCaller(ctx);
}
