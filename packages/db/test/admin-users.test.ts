import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyExistsError, NotFoundError, VersionConflictError } from "../src/lib/errors";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const newUser = (email: string, role: "owner" | "admin" | "operator" = "admin") => ({
  email,
  name: "Ada",
  role,
  passwordHash: "scrypt$hash-canary",
});

describe("admin users repository", () => {
  it("creates with a normalised email and never returns the password hash from reads", async () => {
    const users = t.repos.adminUsers;
    const created = await users.create(newUser("  Ada@Example.COM "));
    expect(created).toMatchObject({
      email: "ada@example.com",
      role: "admin",
      isActive: true,
      version: 1,
    });
    const reads = [
      created,
      await users.getById(created.userId),
      await users.getByEmail("ADA@example.com"),
      ...(await users.list({ limit: 100 })).items,
    ];
    for (const read of reads) expect(JSON.stringify(read)).not.toContain("hash-canary");
    expect(await users.getCredentials(" ada@EXAMPLE.com")).toEqual({
      userId: created.userId,
      email: "ada@example.com",
      role: "admin",
      isActive: true,
      passwordHash: "scrypt$hash-canary",
    });
    expect(await users.getCredentials("nobody@example.com")).toBeNull();
    expect(await users.getById(`email#ada@example.com`)).toBeNull();
  });

  it("lets exactly one of 10 concurrent creates with one email win", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        t.repos.adminUsers.create({ ...newUser(i % 2 ? "race@x.io" : "RACE@x.io"), name: `n${i}` }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) expect(r.reason).toBeInstanceOf(AlreadyExistsError);
    const all = await t.repos.adminUsers.list({ limit: 500 });
    expect(all.items.filter((u) => u.email === "race@x.io")).toHaveLength(1);
  });

  it("lists users only (no companion items), paginated by cursor, and counts them", async () => {
    const users = t.repos.adminUsers;
    for (const i of [1, 2, 3, 4, 5]) await users.create(newUser(`page${i}@list.io`, "operator"));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await users.list({ cursor, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.every((email) => !email.startsWith("email#"))).toBe(true);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((e) => e.endsWith("@list.io"))).toHaveLength(5);
    expect(await users.count()).toBe(seen.length);
  });

  it("updates with optimistic versions and counts only active users when asked", async () => {
    const users = t.repos.adminUsers;
    const user = await users.create(newUser("version@x.io"));
    const before = await users.count({ activeOnly: true });
    const updated = await users.update(
      user.userId,
      { role: "owner", isActive: false },
      { expectedVersion: 1 },
    );
    expect(updated).toMatchObject({ role: "owner", isActive: false, version: 2 });
    await expect(users.update(user.userId, { name: "x" }, { expectedVersion: 1 })).rejects.toThrow(
      VersionConflictError,
    );
    await expect(users.update("missing", { name: "x" })).rejects.toThrow(NotFoundError);
    expect(await users.count({ activeOnly: true })).toBe(before - 1);
    const rehashed = await users.update(user.userId, { passwordHash: "new-hash" });
    expect(JSON.stringify(rehashed)).not.toContain("new-hash");
    expect((await users.getCredentials("version@x.io"))?.passwordHash).toBe("new-hash");
    const loggedIn = await users.recordLogin(user.userId);
    expect(loggedIn.lastLoginAt).toBe(t.clock.now().toISOString());
  });

  it("changes email: the new one is taken, the old one is freed, conflicts leave both intact", async () => {
    const users = t.repos.adminUsers;
    const a = await users.create(newUser("old@move.io"));
    const b = await users.create(newUser("taken@move.io"));
    await expect(users.changeEmail(a.userId, "taken@move.io")).rejects.toThrow(AlreadyExistsError);
    await expect(
      users.changeEmail(a.userId, "new@move.io", { expectedVersion: 9 }),
    ).rejects.toThrow(VersionConflictError);
    expect(await users.getByEmail("new@move.io")).toBeNull();
    const moved = await users.changeEmail(a.userId, " NEW@move.io ", { expectedVersion: 1 });
    expect(moved).toMatchObject({ email: "new@move.io", version: 2 });
    expect((await users.getByEmail("new@move.io"))?.userId).toBe(a.userId);
    expect(await users.getByEmail("old@move.io")).toBeNull();
    const reuse = await users.create(newUser("old@move.io"));
    expect(reuse.userId).not.toBe(a.userId);
    expect((await users.getByEmail("taken@move.io"))?.userId).toBe(b.userId);
  });

  it("reclaims an email whose companion item was orphaned by a crash, but only once it is stale", async () => {
    const users = t.repos.adminUsers;
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tables.adminUsers,
        Item: {
          user_id: "email#orphan@x.io",
          owner_user_id: "never-written",
          email: "orphan@x.io",
          created_at: t.clock.now().toISOString(),
        },
      }),
    );
    await expect(users.create(newUser("orphan@x.io"))).rejects.toThrow(AlreadyExistsError);
    t.clock.advance(61_000);
    const user = await users.create(newUser("orphan@x.io"));
    const claim = await t.db.doc.send(
      new GetCommand({ TableName: t.db.tables.adminUsers, Key: { user_id: "email#orphan@x.io" } }),
    );
    expect(claim.Item?.owner_user_id).toBe(user.userId);
  });

  it("deletes a user and frees the email", async () => {
    const users = t.repos.adminUsers;
    const user = await users.create(newUser("gone@x.io"));
    await users.delete(user.userId);
    expect(await users.getById(user.userId)).toBeNull();
    await expect(users.create(newUser("gone@x.io"))).resolves.toMatchObject({ email: "gone@x.io" });
  });

  it("reads, lists and counts without a Scan", async () => {
    const users = t.repos.adminUsers;
    t.commands.reset();
    await users.getByEmail("ada@example.com");
    await users.getCredentials("ada@example.com");
    await users.list({ limit: 3 });
    await users.count({ activeOnly: true });
    expect(t.commands.names).not.toContain("ScanCommand");
  });
});
