import { TRPCError } from "@trpc/server";
import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLevelOf } from "../src/server/access-level";
import type { Principal } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { appRouter } from "../src/router";
import { callerAs, machine, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

/**
 * Walks the live router, so a procedure added anywhere later is covered without editing this file.
 * tRPC 11 runs middlewares and `.input()` parsers in the order they were chained; every builder puts the
 * access check first, so refusals here come before any input is looked at (the inputs are garbage).
 */
const PUBLIC = [
  "system.health",
  "system.onStatus",
  "auth.login",
  "auth.requestCode",
  "auth.verifyCode",
  "auth.me",
  "agents.cards",
  "agents.card",
  "chat.*",
];
/**
 * Conversation handling, what operators do all day, plus the reads it needs: the pipeline's stages and
 * the agent list for filtering (operators get summaries without configuration). Everything else is
 * owners' and admins'.
 */
const STAFF = [
  "conversations.*",
  "admin.onEvent",
  "auth.logout",
  "auth.changePassword",
  "stats.summary",
  "stats.humans",
  "stages.list",
  "agents.list",
  "cannedResponses.list",
  "cannedResponses.recordUse",
  // Contacts: operators read, edit, note and merge; erase, export and import are owners' and admins'.
  "contacts.list",
  "contacts.byId",
  "contacts.update",
  "contacts.addNote",
  "contacts.deleteNote",
  "contacts.mergeSuggestions",
  "contacts.merge",
  "contacts.unmerge",
  "knowledge.list",
  "knowledge.folders",
];

const matches = (list: string[], path: string) =>
  list.some((p) => (p.endsWith(".*") ? path.startsWith(p.slice(0, -1)) : p === path));

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const paths = Object.keys(procedures).sort();
const guarded = paths.filter((p) => !matches(PUBLIC, p));
const adminOnly = guarded.filter((p) => !matches(STAFF, p));
const staff = guarded.filter((p) => matches(STAFF, p));

const GARBAGE: unknown[] = [undefined, { garbage: true, conversationId: 42 }, "not even an object"];

let deps: ApiDeps;
let operator: Principal;
const aborter = new AbortController();

beforeAll(async () => {
  deps = await createTestDeps({ ADMIN_TOKEN: "access-test-token-0123456789" });
  operator = principalOf(await seedUser(deps, { role: "operator" }));
});

afterAll(async () => {
  aborter.abort();
  await deps.db.close();
});

/** Calls `path` through createCaller; a subscription that did start is closed at once. */
async function call(who: Principal, path: string, input: unknown): Promise<unknown> {
  const caller = callerAs(deps, who) as unknown as Record<string, unknown>;
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  const result = await (fn as (input: unknown, opts: { signal: AbortSignal }) => Promise<unknown>)(
    input,
    { signal: aborter.signal },
  );
  if (result && typeof result === "object" && Symbol.asyncIterator in result) {
    await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
  }
  return result;
}

async function codeOf(who: Principal, path: string, input: unknown): Promise<string> {
  try {
    await call(who, path, input);
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("the router's access map", () => {
  it("finds the procedures of every router, subscriptions included", () => {
    expect(paths.length).toBeGreaterThan(10);
    for (const p of ["auth.login", "users.create", "audit.list", "system.onStatus"]) {
      expect(paths).toContain(p);
    }
    expect(paths.some((p) => procedures[p]?._def.type === "subscription")).toBe(true);
  });

  it("builds each procedure on the builder its list says (public / staff / admin)", () => {
    const levels = Object.fromEntries(paths.map((p) => [p, accessLevelOf(procedures[p]!)]));
    const expected = Object.fromEntries(
      paths.map((p) => [p, matches(PUBLIC, p) ? "public" : matches(STAFF, p) ? "staff" : "admin"]),
    );
    expect(levels).toEqual(expected);
  });

  it("has every procedure the issue names as a contract", () => {
    const contract = [
      "auth.login",
      "auth.logout",
      "auth.me",
      "users.list",
      "users.create",
      "users.update",
      "users.delete",
      "agents.list",
      "agents.byId",
      "agents.create",
      "agents.update",
      "agents.delete",
      "agents.playground",
      "chat.start",
      "chat.send",
      "chat.history",
      "chat.onEvent",
      "conversations.list",
      "conversations.byId",
      "conversations.messages",
      "conversations.handoff",
      "conversations.returnToAi",
      "conversations.reply",
      "conversations.setStage",
      "conversations.close",
      "conversations.resolve",
      "conversations.snooze",
      "conversations.refreshProfile",
      "admin.onEvent",
      "audit.list",
      "stats.summary",
      "contacts.list",
      "contacts.byId",
      "contacts.update",
      "contacts.merge",
      "contacts.erase",
      "contacts.export",
    ];
    expect(contract.filter((p) => !paths.includes(p))).toEqual([]);
  });

  it("lists only staff procedures that exist", () => {
    for (const entry of STAFF.filter((p) => !p.endsWith(".*"))) expect(paths).toContain(entry);
  });
});

describe.each(guarded)("%s", (path) => {
  it("refuses anonymous callers with UNAUTHORIZED, whatever the input", async () => {
    for (const input of GARBAGE) {
      expect(await codeOf({ kind: "anonymous" }, path, input)).toBe("UNAUTHORIZED");
    }
  });

  if (adminOnly.includes(path)) {
    it("refuses operators with FORBIDDEN, whatever the input", async () => {
      for (const input of GARBAGE) expect(await codeOf(operator, path, input)).toBe("FORBIDDEN");
    });
  } else {
    it("lets operators past the access check", async () => {
      expect(staff).toContain(path);
      const code = await codeOf(operator, path, GARBAGE[1]);
      expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(code);
    });
  }

  it("lets the machine token past the access check", async () => {
    const code = await codeOf(machine, path, GARBAGE[2]);
    expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(code);
  });
});
