import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRPCError } from "@trpc/server";
import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_THROTTLE } from "../src/auth/login-throttle";
import { generatePassword, hashPassword, verifyPassword } from "../src/auth/password";
import { ensureInitialAdmin, LOCAL_ADMIN_EMAIL } from "../src/bootstrap/initial-admin";
import type { ApiDeps } from "../src/deps";
import { TEST_PASSWORD, callerAs, machine, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let dataDir: string;
let owner: AdminUser;
let admin: AdminUser;

beforeAll(async () => {
  // Its own DATA_DIR: changing the generated admin's password removes the file kept there.
  dataDir = await mkdtemp(join(tmpdir(), "acrm-passwords-"));
  deps = await createTestDeps({ DATA_DIR: dataDir });
  owner = await seedUser(deps, { role: "owner", name: "Olga Owner" });
  admin = await seedUser(deps, { role: "admin", name: "Adam Admin" });
});
afterAll(async () => {
  await deps.db.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** A signed-in user with `count` sessions; the first is the one "in use". */
async function signedIn(user: AdminUser, count: number) {
  const sessionIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const { session } = await deps.repos.sessions.createSession(user.userId, 3600);
    sessionIds.push(session.sessionId);
  }
  return { principal: principalOf(user, sessionIds[0]), sessionIds };
}

const liveSessionIds = async (userId: string) =>
  (await deps.repos.sessions.listSessionsOfUser(userId)).map((s) => s.sessionId);

const passwordOf = async (email: string, password: string) =>
  verifyPassword(password, (await deps.repos.adminUsers.getCredentials(email))!.passwordHash);

describe("auth.changePassword", () => {
  it("changes the password, keeps this session, signs out the others, audits the real actor", async () => {
    const operator = await seedUser(deps, { role: "operator", name: "Olive Operator" });
    const { principal, sessionIds } = await signedIn(operator, 3);
    const result = await callerAs(deps, principal, {
      requestId: "req-change-1",
    }).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a much newer secret" });

    expect(result).toEqual({ sessionsRevoked: 2 });
    expect(await liveSessionIds(operator.userId)).toEqual([sessionIds[0]]);
    expect(await passwordOf(operator.email, "a much newer secret")).toBe(true);
    expect(await passwordOf(operator.email, TEST_PASSWORD)).toBe(false);

    const entry = (
      await deps.repos.audit.list({ resourceId: operator.userId, action: "auth.change_password" })
    ).items[0];
    expect(entry).toMatchObject({
      actorId: operator.userId,
      actorName: "Olive Operator",
      requestId: "req-change-1",
      metadata: { sessionsRevoked: 2, initialPasswordForgotten: false },
    });
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|a much newer secret|correct horse/);
  });

  it("answers a wrong current password with BAD_REQUEST naming the field, and changes nothing", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    const { principal, sessionIds } = await signedIn(operator, 2);
    const error = await failure(
      callerAs(deps, principal).auth.changePassword({
        currentPassword: "not my password",
        newPassword: "a much newer secret",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/currentPassword/);
    expect(await passwordOf(operator.email, TEST_PASSWORD)).toBe(true);
    expect(await liveSessionIds(operator.userId)).toEqual(expect.arrayContaining(sessionIds));
    const failed = (
      await deps.repos.audit.list({ resourceId: operator.userId, action: "auth.login_failed" })
    ).items[0];
    expect(failed?.metadata).toMatchObject({ reason: "wrong_current_password" });
  });

  it("refuses a weak new password with 400 naming the rule, before checking anything", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    const { principal } = await signedIn(operator, 1);
    const error = await failure(
      callerAs(deps, principal).auth.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: "short",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toMatch(/newPassword/);
    expect(JSON.stringify(error.cause)).toMatch(/at least 10 characters/);
    const same = await failure(
      callerAs(deps, principal).auth.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
      }),
    );
    expect(same.code).toBe("BAD_REQUEST");
    expect(same.message).toMatch(/newPassword: must differ/);
  });

  it("is throttled with sign-ins: guesses stop at the login limit, the right password included", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    const { principal } = await signedIn(operator, 1);
    const as = callerAs(deps, principal, { clientIp: "198.51.100.7" });
    const codes: string[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp + 1; i++) {
      const error = await failure(
        as.auth.changePassword({ currentPassword: `guess ${i}`, newPassword: "whatever new pw" }),
      );
      codes.push(error.code);
    }
    expect(codes.slice(0, LOGIN_THROTTLE.perEmailAndIp).every((c) => c === "BAD_REQUEST")).toBe(
      true,
    );
    expect(codes.at(-1)).toBe("TOO_MANY_REQUESTS");
    const blocked = await failure(
      as.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "whatever new pw" }),
    );
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
    expect(await passwordOf(operator.email, TEST_PASSWORD)).toBe(true);
  });

  it("is not for the API token, which has no password", async () => {
    const error = await failure(
      callerAs(deps, machine).auth.changePassword({
        currentPassword: "anything",
        newPassword: "a much newer secret",
      }),
    );
    expect(error.code).not.toMatch(/UNAUTHORIZED|FORBIDDEN|INTERNAL/);
  });
});

describe("users.resetPassword", () => {
  it("returns a generated password once, signs the user out everywhere, audits the actor", async () => {
    const operator = await seedUser(deps, { role: "operator", name: "Rita" });
    await signedIn(operator, 2);
    const result = await callerAs(deps, principalOf(admin), {
      requestId: "req-reset-1",
    }).users.resetPassword({ userId: operator.userId });

    expect(result).toMatchObject({
      userId: operator.userId,
      email: operator.email,
      sessionsRevoked: 2,
    });
    // Readable: no look-alikes (0/O, 1/l/I), as the console generates them.
    expect(result.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
    expect(await passwordOf(operator.email, result.password)).toBe(true);
    expect(await liveSessionIds(operator.userId)).toEqual([]);
    const entry = (
      await deps.repos.audit.list({ resourceId: operator.userId, action: "users.reset_password" })
    ).items[0];
    expect(entry).toMatchObject({
      actorId: admin.userId,
      actorName: "Adam Admin",
      requestId: "req-reset-1",
      metadata: { sessionsRevoked: 2 },
    });
    expect(JSON.stringify(entry)).not.toContain(result.password);
  });

  it("lets only owners reset an owner's password; nobody resets their own here", async () => {
    const otherOwner = await seedUser(deps, { role: "owner" });
    const byAdmin = await failure(
      callerAs(deps, principalOf(admin)).users.resetPassword({ userId: otherOwner.userId }),
    );
    expect(byAdmin.code).toBe("FORBIDDEN");
    expect(await passwordOf(otherOwner.email, TEST_PASSWORD)).toBe(true);

    const byOwner = await callerAs(deps, principalOf(owner)).users.resetPassword({
      userId: otherOwner.userId,
    });
    expect(await passwordOf(otherOwner.email, byOwner.password)).toBe(true);
    const byMachine = await callerAs(deps, machine).users.resetPassword({ userId: admin.userId });
    expect(await passwordOf(admin.email, byMachine.password)).toBe(true);

    const self = await failure(
      callerAs(deps, principalOf(owner)).users.resetPassword({ userId: owner.userId }),
    );
    expect(self.code).toBe("BAD_REQUEST");
    expect(self.message).toMatch(/userId/);
  });

  it("refuses operators, and answers a missing user with NOT_FOUND", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    const other = await seedUser(deps, { role: "operator" });
    const refused = await failure(
      callerAs(deps, principalOf(operator)).users.resetPassword({ userId: other.userId }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    const missing = await failure(
      callerAs(deps, principalOf(owner)).users.resetPassword({ userId: "01MISSING" }),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });
});

describe("the printed initial password", () => {
  async function freshInstall() {
    const local = await createTestDeps({ DATA_DIR: dataDir });
    const first = await ensureInitialAdmin(local.env, local.repos, { persistDir: dataDir });
    if (first.kind !== "generated")
      throw new Error(`expected a generated admin, got ${first.kind}`);
    const user = (await local.repos.adminUsers.getByEmail(LOCAL_ADMIN_EMAIL))!;
    return { local, first, user };
  }
  const file = () => join(dataDir, "initial-admin.json");
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );

  it("is forgotten when the generated admin changes it, and start-up stops pointing at it", async () => {
    const { local, first, user } = await freshInstall();
    try {
      expect(JSON.parse(await readFile(file(), "utf8"))).toMatchObject({
        email: LOCAL_ADMIN_EMAIL,
      });
      expect((await ensureInitialAdmin(local.env, local.repos, { persistDir: dataDir })).kind).toBe(
        "generated-kept",
      );

      const { session } = await local.repos.sessions.createSession(user.userId, 3600);
      await callerAs(local, principalOf(user, session.sessionId)).auth.changePassword({
        currentPassword: first.password,
        newPassword: "the owner's own secret",
      });
      expect(await exists(file())).toBe(false);
      expect(await ensureInitialAdmin(local.env, local.repos, { persistDir: dataDir })).toEqual({
        kind: "generated-changed",
        email: LOCAL_ADMIN_EMAIL,
      });
      const entry = (
        await local.repos.audit.list({ resourceId: user.userId, action: "auth.change_password" })
      ).items[0];
      expect(entry?.metadata).toMatchObject({ initialPasswordForgotten: true });
    } finally {
      await local.db.close();
    }
  });

  it("is forgotten when another owner resets it, and a stale file is removed at start-up", async () => {
    const { local, user } = await freshInstall();
    try {
      const other = await seedUser(local, { role: "owner" });
      await callerAs(local, principalOf(other)).users.resetPassword({ userId: user.userId });
      expect(await exists(file())).toBe(false);

      // A file left from before (changed while another process ran): start-up removes it.
      await writeFile(
        file(),
        JSON.stringify({ email: LOCAL_ADMIN_EMAIL, password: generatePassword() }),
      );
      await local.repos.adminUsers.update(user.userId, {
        passwordHash: await hashPassword("changed somewhere else"),
      });
      expect((await ensureInitialAdmin(local.env, local.repos, { persistDir: dataDir })).kind).toBe(
        "generated-changed",
      );
      expect(await exists(file())).toBe(false);
    } finally {
      await local.db.close();
    }
  });
});
