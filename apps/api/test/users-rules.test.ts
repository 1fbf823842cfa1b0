import { TRPCError } from "@trpc/server";
import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { callerAs, machine, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let owner: AdminUser;
let admin: AdminUser;
const as = (who: Staff, requestId = "req-users-test") => callerAs(deps, who, { requestId });

beforeAll(async () => {
  deps = await createTestDeps();
  owner = await seedUser(deps, { role: "owner", name: "Olga Owner" });
  admin = await seedUser(deps, { role: "admin", name: "Adam Admin" });
});
afterAll(async () => {
  await deps.db.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

async function sessionsOf(userId: string, count: number) {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    tokens.push((await deps.repos.sessions.createSession(userId, 3600)).token);
  }
  return tokens;
}

const liveSessions = async (userId: string) =>
  (await deps.repos.sessions.listSessionsOfUser(userId)).length;

describe("users.create", () => {
  it("creates an account and audits it with the actor and request, never the hash", async () => {
    const created = await as(principalOf(admin), "req-create-1").users.create({
      name: "Oscar",
      email: "Oscar@Example.test",
      role: "operator",
      password: "long enough pw",
    });
    expect(created).toMatchObject({ name: "Oscar", email: "oscar@example.test", role: "operator" });
    expect(JSON.stringify(created)).not.toMatch(/scrypt|password/i);

    const entry = (await deps.repos.audit.list({ resourceId: created.userId })).items[0];
    expect(entry).toMatchObject({
      action: "users.create",
      actorId: admin.userId,
      actorName: "Adam Admin",
      requestId: "req-create-1",
      newValue: { email: "oscar@example.test", name: "Oscar", role: "operator", isActive: true },
    });
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|long enough pw/);
  });

  it("rejects short passwords and bad emails naming the field", async () => {
    const error = await as(principalOf(admin))
      .users.create({ name: "X", email: "x@example.test", role: "operator", password: "short" })
      .catch((e: unknown) => e as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((error as TRPCError).cause)).toContain("password");
    expect(
      await codeOf(
        as(principalOf(admin)).users.create({
          name: "X",
          email: "not-an-email",
          role: "operator",
          password: "long enough pw",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("answers a taken email with CONFLICT", async () => {
    const input = {
      name: "Dup",
      email: "dup@example.test",
      role: "operator" as const,
      password: "long enough pw",
    };
    await as(machine).users.create(input);
    expect(await codeOf(as(machine).users.create(input))).toBe("CONFLICT");
  });

  it("lets only owners create owners", async () => {
    const input = { name: "New Owner", role: "owner" as const, password: "long enough pw" };
    expect(
      await codeOf(as(principalOf(admin)).users.create({ ...input, email: "o1@example.test" })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(as(principalOf(owner)).users.create({ ...input, email: "o2@example.test" })),
    ).toBe("OK");
  });
});

describe("users.update", () => {
  it("keeps admins away from owners' accounts and from promoting anyone to owner", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    const a = as(principalOf(admin));
    expect(await codeOf(a.users.update({ userId: operator.userId, role: "owner" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(a.users.update({ userId: owner.userId, name: "Renamed" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(a.users.update({ userId: owner.userId, isActive: false }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(a.users.update({ userId: operator.userId, role: "admin" }))).toBe("OK");
  });

  it("never demotes or deactivates the last active owner", async () => {
    const local = await createTestDeps();
    try {
      const only = await seedUser(local, { role: "owner" });
      const byMachine = callerAs(local, machine);
      const code = (p: Promise<unknown>) => codeOf(p);
      expect(await code(byMachine.users.update({ userId: only.userId, role: "admin" }))).toBe(
        "CONFLICT",
      );
      expect(await code(byMachine.users.update({ userId: only.userId, isActive: false }))).toBe(
        "CONFLICT",
      );
      expect(await code(byMachine.users.delete({ userId: only.userId }))).toBe("CONFLICT");
      expect((await local.repos.adminUsers.getById(only.userId))?.role).toBe("owner");

      const second = await seedUser(local, { role: "owner" });
      const self = callerAs(local, principalOf(only));
      expect(await code(self.users.update({ userId: only.userId, role: "admin" }))).toBe("OK");
      // Now `second` is the last one, and an inactive owner does not count.
      expect(await code(byMachine.users.update({ userId: second.userId, role: "operator" }))).toBe(
        "CONFLICT",
      );
      await local.repos.adminUsers.update(only.userId, { role: "owner", isActive: false });
      expect(await code(byMachine.users.update({ userId: second.userId, isActive: false }))).toBe(
        "CONFLICT",
      );
    } finally {
      await local.db.close();
    }
  });

  it("refuses to deactivate yourself", async () => {
    const error = await as(principalOf(admin))
      .users.update({ userId: admin.userId, isActive: false })
      .catch((e: unknown) => e as TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/isActive/);
  });

  it("a password change signs the user out elsewhere; your own keeps the current session", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    await sessionsOf(operator.userId, 2);
    await as(principalOf(admin)).users.update({
      userId: operator.userId,
      password: "a brand new secret",
    });
    expect(await liveSessions(operator.userId)).toBe(0);

    const [current] = await sessionsOf(admin.userId, 3);
    const currentSession = (await deps.repos.sessions.getSession(current!))!;
    await as(principalOf(admin, currentSession.sessionId)).users.update({
      userId: admin.userId,
      password: "my own new secret",
    });
    const left = await deps.repos.sessions.listSessionsOfUser(admin.userId);
    expect(left.map((s) => s.sessionId)).toEqual([currentSession.sessionId]);

    const entry = (
      await deps.repos.audit.list({ resourceId: admin.userId, action: "users.update" })
    ).items[0];
    expect(entry?.metadata).toMatchObject({ passwordChanged: true, sessionsRevoked: 2 });
    expect(entry?.oldValue).toEqual({});
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|my own new secret/);
  });

  it("deactivation signs the user out everywhere and audits old and new values", async () => {
    const operator = await seedUser(deps, { role: "operator", name: "Ivan" });
    await sessionsOf(operator.userId, 2);
    const updated = await as(principalOf(owner), "req-deactivate").users.update({
      userId: operator.userId,
      isActive: false,
      name: "Ivan (left)",
    });
    expect(updated).toMatchObject({ isActive: false, name: "Ivan (left)" });
    expect(await liveSessions(operator.userId)).toBe(0);
    const entry = (await deps.repos.audit.list({ resourceId: operator.userId })).items[0];
    expect(entry).toMatchObject({
      action: "users.update",
      actorId: owner.userId,
      actorName: "Olga Owner",
      requestId: "req-deactivate",
      oldValue: { isActive: true, name: "Ivan" },
      newValue: { isActive: false, name: "Ivan (left)" },
      metadata: { sessionsRevoked: 2, passwordChanged: false },
    });
  });

  it("maps missing users to NOT_FOUND and stale versions to CONFLICT", async () => {
    expect(await codeOf(as(machine).users.update({ userId: "01NOPE", name: "x" }))).toBe(
      "NOT_FOUND",
    );
    const operator = await seedUser(deps, { role: "operator" });
    await as(machine).users.update({ userId: operator.userId, name: "first" });
    expect(
      await codeOf(
        as(machine).users.update({
          userId: operator.userId,
          name: "second",
          expectedVersion: operator.version,
        }),
      ),
    ).toBe("CONFLICT");
  });
});

describe("users.delete and users.list", () => {
  it("removes the account and its sessions, audited with the old value", async () => {
    const operator = await seedUser(deps, { role: "operator", name: "Gone Soon" });
    await sessionsOf(operator.userId, 2);
    await expect(as(principalOf(admin)).users.delete({ userId: operator.userId })).resolves.toEqual(
      {
        userId: operator.userId,
        sessionsRevoked: 2,
      },
    );
    expect(await deps.repos.adminUsers.getById(operator.userId)).toBeNull();
    expect(await liveSessions(operator.userId)).toBe(0);
    const entry = (await deps.repos.audit.list({ resourceId: operator.userId })).items[0];
    expect(entry).toMatchObject({
      action: "users.delete",
      actorId: admin.userId,
      oldValue: { name: "Gone Soon", role: "operator" },
    });
  });

  it("refuses to delete yourself, and admins cannot delete owners", async () => {
    expect(await codeOf(as(principalOf(admin)).users.delete({ userId: admin.userId }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(as(principalOf(admin)).users.delete({ userId: owner.userId }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(as(machine).users.delete({ userId: "01MISSING" }))).toBe("NOT_FOUND");
  });

  it("pages through accounts with a cursor and rejects a forged one as BAD_REQUEST", async () => {
    const first = await as(principalOf(admin)).users.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await as(principalOf(admin)).users.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items[0]?.userId).not.toBe(first.items[0]?.userId);
    expect(JSON.stringify([first, second])).not.toMatch(/scrypt|passwordHash/);
    const error = await as(principalOf(admin))
      .users.list({ cursor: "bm90LWEtY3Vyc29y" })
      .catch((e: unknown) => e as TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });
});
