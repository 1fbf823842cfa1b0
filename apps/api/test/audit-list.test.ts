import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/domain/audit";
import type { ApiDeps } from "../src/deps";
import { callerAs, machine, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let actorId: string;

beforeAll(async () => {
  deps = await createTestDeps();
  const admin = await seedUser(deps, { role: "admin", name: "Auditor" });
  actorId = admin.userId;
  const ctx = { deps, requestId: "req-seed", principal: principalOf(admin) };
  // 7 agent entries interleaved with 5 user entries, oldest first.
  for (let i = 0; i < 12; i++) {
    const agent = i % 2 === 0 || i > 9;
    await recordAudit(ctx, {
      action: agent ? "agent.update" : "users.update",
      resourceType: agent ? "agent" : "admin_user",
      resourceId: agent ? `agent-${i}` : `user-${i}`,
      oldValue: { n: i - 1 },
      newValue: { n: i },
    });
  }
});
afterAll(async () => {
  await deps.db.close();
});

const list = (input: Parameters<ReturnType<typeof callerAs>["audit"]["list"]>[0]) =>
  callerAs(deps, machine).audit.list(input);

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

const issuePaths = (error: TRPCError) =>
  error.cause instanceof ZodError ? error.cause.issues.map((i) => i.path.join(".")) : [];

describe("audit.list", () => {
  it("lists newest first with the actor, values and request id", async () => {
    const page = await list({ limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({
      actorId,
      actorName: "Auditor",
      requestId: "req-seed",
      resourceId: "agent-11",
      oldValue: { n: 10 },
      newValue: { n: 11 },
    });
    expect(page.nextCursor).not.toBeNull();
  });

  it("filters by action, actor and resource", async () => {
    expect((await list({ action: "users.update" })).items).toHaveLength(5);
    expect((await list({ actorId })).items).toHaveLength(12);
    expect((await list({ actorId: "someone-else" })).items).toHaveLength(0);
    const one = await list({ resourceId: "user-3" });
    expect(one.items.map((e) => e.newValue)).toEqual([{ n: 3 }]);
  });

  it("filters by resource type across pages without losing or repeating entries", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { resourceId: string }[]; nextCursor: string | null } = await list({
        resourceType: "agent",
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((e) => e.resourceId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      "agent-11",
      "agent-10",
      "agent-8",
      "agent-6",
      "agent-4",
      "agent-2",
      "agent-0",
    ]);
  });

  it("bounds by time, inclusive, from Date or ISO string", async () => {
    const all = (await list({ limit: 100 })).items;
    const middle = all[5]!.timestamp;
    const upTo = await list({ to: middle, limit: 100 });
    expect(upTo.items.every((e) => e.timestamp <= middle)).toBe(true);
    expect(upTo.items.map((e) => e.logId)).toContain(all[5]!.logId);
    const since = await list({ from: new Date(middle), limit: 100 });
    expect(since.items.every((e) => e.timestamp >= middle)).toBe(true);
    expect((await list({ from: "2000-01-01", to: "2000-12-31" })).items).toEqual([]);
  });

  it("rejects bad dates, reversed ranges and forged cursors as BAD_REQUEST naming the field", async () => {
    const badDate = await failure(list({ from: "yesterday-ish" }));
    expect(badDate.code).toBe("BAD_REQUEST");
    expect(issuePaths(badDate)).toEqual(["from"]);
    const reversed = await failure(list({ from: "2024-02-01", to: "2024-01-01" }));
    expect(issuePaths(reversed)).toEqual(["from"]);
    const forged = await failure(list({ cursor: "Zm9yZ2Vk" }));
    expect(forged.code).toBe("BAD_REQUEST");
    expect(issuePaths(forged)).toEqual(["cursor"]);
    const typed = await failure(list({ resourceType: "agent", cursor: "Zm9yZ2Vk" }));
    expect(issuePaths(typed)).toEqual(["cursor"]);
  });

  it("is for owners and admins only", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    const error = await failure(callerAs(deps, principalOf(operator)).audit.list({}));
    expect(error.code).toBe("FORBIDDEN");
  });
});
