import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSessionToken } from "../src/repositories/sessions";
import { startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

describe("admin sessions", () => {
  it("returns the token once and stores only its sha256", async () => {
    const { token, session } = await t.repos.sessions.createSession("u1", 3600, {
      userAgent: "vitest",
      ip: "127.0.0.1",
    });
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(session.sessionId).toBe(hashSessionToken(token));
    const raw = await t.db.doc.send(
      new GetCommand({
        TableName: t.db.tables.sessions,
        Key: { session_key: `session#${hashSessionToken(token)}` },
      }),
    );
    expect(JSON.stringify(raw.Item)).not.toContain(token);
    expect(await t.repos.sessions.getSession(token)).toMatchObject({
      userId: "u1",
      userAgent: "vitest",
      ip: "127.0.0.1",
    });
    expect(await t.repos.sessions.getSession("not-a-token")).toBeNull();
  });

  it("treats an expired session as absent and never revives it on touch", async () => {
    const { sessions } = t.repos;
    const { token } = await sessions.createSession("u2", 60);
    t.clock.advance(30_000);
    const touched = await sessions.touchSession(token, { extendSeconds: 60 });
    expect(touched?.lastSeenAt).toBe(t.clock.now().toISOString());
    t.clock.advance(59_000);
    expect(await sessions.getSession(token)).not.toBeNull();
    t.clock.advance(2_000);
    expect(await sessions.getSession(token)).toBeNull();
    expect(await sessions.touchSession(token, { extendSeconds: 3600 })).toBeNull();
  });

  it("deletes one session, or every session of a user through the user index", async () => {
    const { sessions } = t.repos;
    const mine = await Promise.all([1, 2, 3].map(() => sessions.createSession("u3", 3600)));
    const other = await sessions.createSession("u4", 3600);
    await sessions.deleteSession(mine[0]!.token);
    expect(await sessions.getSession(mine[0]!.token)).toBeNull();
    expect(await sessions.listSessionsOfUser("u3")).toHaveLength(2);
    const kept = mine[2]!.session.sessionId;
    expect(await sessions.deleteSessionsOfUser("u3", { exceptSessionId: kept })).toBe(1);
    expect(await sessions.getSession(mine[1]!.token)).toBeNull();
    expect(await sessions.getSession(mine[2]!.token)).not.toBeNull();
    expect(await sessions.deleteSessionsOfUser("u3")).toBe(1);
    expect(await sessions.listSessionsOfUser("u3")).toEqual([]);
    expect(await sessions.getSession(other.token)).not.toBeNull();
  });
});

describe("kv cache", () => {
  it("gets, sets with TTL (expired reads as absent) and deletes", async () => {
    const { kv } = t.repos;
    await kv.set("conversation:1:status", "AI_ACTIVE", 10);
    await kv.set("forever", "x");
    expect(await kv.get("conversation:1:status")).toBe("AI_ACTIVE");
    t.clock.advance(11_000);
    expect(await kv.get("conversation:1:status")).toBeNull();
    expect(await kv.get("forever")).toBe("x");
    await kv.delete("forever");
    expect(await kv.get("forever")).toBeNull();
  });

  it("cannot overwrite an admin session through a cache key", async () => {
    const { token, session } = await t.repos.sessions.createSession("u5", 3600);
    await t.repos.kv.set(`session#${session.sessionId}`, "evil");
    expect(await t.repos.sessions.getSession(token)).toMatchObject({ userId: "u5" });
  });

  it("increments atomically within a fixed window and restarts after it expires", async () => {
    const { kv } = t.repos;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => kv.increment("login:ip:1", { ttlSeconds: 60 })),
    );
    expect(results.map((r) => r.value).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(new Set(results.map((r) => r.expiresAt)).size).toBe(1);
    expect(await kv.get("login:ip:1")).toBe("20");
    t.clock.advance(61_000);
    expect(await kv.get("login:ip:1")).toBeNull();
    expect(await kv.increment("login:ip:1", { ttlSeconds: 60, by: 3 })).toMatchObject({ value: 3 });
    expect((await kv.increment("login:ip:1", { ttlSeconds: 60 })).value).toBe(4);
  });

  it("gives back from a running window only, never below zero and never starting one", async () => {
    const { kv } = t.repos;
    await Promise.all(Array.from({ length: 3 }, () => kv.increment("give:1", { ttlSeconds: 60 })));
    await Promise.all([kv.decrement("give:1"), kv.decrement("give:1")]);
    expect(await kv.get("give:1")).toBe("1");
    await kv.decrement("give:1", 5);
    expect(await kv.get("give:1")).toBe("1");
    await kv.decrement("give:never-started");
    expect(await kv.get("give:never-started")).toBeNull();
    t.clock.advance(61_000);
    await kv.decrement("give:1");
    expect((await kv.increment("give:1", { ttlSeconds: 60 })).value).toBe(1);
  });

  it("sweeps expired entries and sessions (maintenance scan) but leaves live ones", async () => {
    const { kv, sessions } = t.repos;
    await kv.set("sweep:dead", "1", 5);
    await kv.set("sweep:alive", "1", 3600);
    const dying = await sessions.createSession("u6", 5);
    t.clock.advance(6_000);
    let cursor: string | null = null;
    let deleted = 0;
    do {
      const result = await sessions.sweepExpired({ limit: 2, cursor });
      deleted += result.deleted;
      cursor = result.nextCursor;
    } while (cursor);
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = await t.db.doc.send(new ScanCommand({ TableName: t.db.tables.sessions }));
    const nowSeconds = Math.floor(t.clock.now().getTime() / 1000);
    const expiredLeft = (left.Items ?? []).filter(
      (item) => typeof item.expires_at === "number" && item.expires_at <= nowSeconds,
    );
    expect(expiredLeft).toEqual([]);
    expect(await kv.get("sweep:alive")).toBe("1");
    expect(await sessions.getSession(dying.token)).toBeNull();
  });

  it("serves sessions and cache reads without a Scan (only the sweeper scans)", async () => {
    const { sessions, kv } = t.repos;
    t.commands.reset();
    const { token } = await sessions.createSession("u7", 60);
    await sessions.getSession(token);
    await sessions.touchSession(token);
    await sessions.listSessionsOfUser("u7");
    await sessions.deleteSessionsOfUser("u7");
    await kv.set("k", "v", 10);
    await kv.get("k");
    await kv.increment("n", { ttlSeconds: 10 });
    expect(t.commands.names).not.toContain("ScanCommand");
  });
});
