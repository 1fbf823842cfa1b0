import type { AnyProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { appRouter } from "../src/router";
import { callerAs, machine, seedUser } from "./helpers/auth-fixtures";
import { postJson, trpcError } from "./helpers/raw-http";
import { startTestApi, type TestApi } from "./helpers/test-api";

// Regression: the only 5xx of a 4,600-request fuzz — a `userId` over 2 KB on users.update/users.delete
// reached DynamoDB, which refuses keys over 2,048 bytes (ValidationException → 500).
const TOKEN = "input-ids-token-0123456789abcdef";
/** 1,400 bytes in UTF-8 (over DynamoDB's 1,024-byte sort keys) but only 700 characters. */
const TOO_LONG = "я".repeat(700);
let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ ADMIN_TOKEN: TOKEN });
});
afterAll(async () => {
  await t.close();
});

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

type Def = {
  type: string;
  innerType?: ZodType;
  shape?: Record<string, ZodType>;
  element?: ZodType;
};
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The fields of an object input, looking through `.default()` / `.optional()` wrappers. */
function inputFields(schema: ZodType | undefined): Record<string, ZodType> {
  let def = schema ? defOf(schema) : undefined;
  while (def?.innerType) def = defOf(def.innerType);
  return def?.type === "object" ? (def.shape ?? {}) : {};
}

const isIdField = (name: string) => /(Id|Key)$/.test(name) && name !== "lastEventId";

/** Every id field of every procedure's input (arrays of ids too), found by walking the router. */
const idFields = Object.entries(procedures).flatMap(([path, procedure]) => {
  const inputs = (procedure._def as unknown as { inputs?: ZodType[] }).inputs ?? [];
  return Object.entries(inputFields(inputs[0]))
    .filter(([name]) => isIdField(name) || /Ids$/.test(name))
    .map(([name]) => ({ path, field: name, list: /Ids$/.test(name) }));
});

async function issuePaths(path: string, input: unknown): Promise<string[] | "OK"> {
  const caller = callerAs(t.deps, machine) as unknown as Record<string, unknown>;
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    await (fn as (input: unknown) => Promise<unknown>)(input);
    return "OK";
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") throw error;
    const issues = (error.cause as { issues?: { path: (string | number)[] }[] } | undefined)
      ?.issues;
    return (issues ?? []).map((issue) => issue.path.join("."));
  }
}

describe("ids in inputs", () => {
  it.each(["users.update", "users.delete"])(
    "an over-long userId on %s is a 400 naming the field over HTTP",
    async (path) => {
      const answer = await postJson(
        `${t.url}/trpc/${path}`,
        JSON.stringify({ json: { userId: "x".repeat(2_100), name: "New name" } }),
        { authorization: `Bearer ${TOKEN}` },
      );
      expect(answer.status).toBe(400);
      const data = (answer.json as { error: { json: { data: { issues: unknown } } } }).error.json
        .data;
      expect(data.issues).toEqual([{ path: "userId", message: "must be at most 512 bytes" }]);
      expect(trpcError(answer.json).code).toBe("BAD_REQUEST");
    },
  );

  it("finds the id fields of the router", () => {
    const named = idFields.map((f) => `${f.path}:${f.field}`);
    for (const expected of [
      "users.update:userId",
      "users.delete:userId",
      "conversations.byId:conversationId",
      "chat.send:conversationId",
      "bindings.delete:bindingId",
      "notifications.delete:configId",
      "inbox.replay:eventKey",
      "agents.byId:agentId",
    ]) {
      expect(named).toContain(expected);
    }
  });

  it.each(idFields.map((f) => [`${f.path}:${f.field}`, f] as const))(
    "%s is bounded by its schema, so an over-long one never reaches the database",
    async (_, { path, field, list }) => {
      const paths = await issuePaths(path, { [field]: list ? [TOO_LONG] : TOO_LONG });
      expect(paths).toContain(list ? `${field}.0` : field);
    },
  );

  it("a forged cursor whose key DynamoDB cannot take (too long, wrong type) is a bad cursor, not a 500", async () => {
    await seedUser(t.deps, { role: "operator" });
    await seedUser(t.deps, { role: "operator" });
    const caller = callerAs(t.deps, machine);
    const { nextCursor } = await caller.users.list({ limit: 1 });
    const payload = JSON.parse(Buffer.from(nextCursor ?? "", "base64url").toString("utf8")) as {
      k: Record<string, string>;
    };
    const forgeries = Object.keys(payload.k).flatMap((name) => [
      { ...payload.k, [name]: "x".repeat(2_100) },
      { ...payload.k, [name]: 42 },
    ]);
    for (const key of forgeries) {
      const forged = Buffer.from(JSON.stringify({ ...payload, k: key })).toString("base64url");
      expect(await issuePaths("users.list", { cursor: forged, limit: 1 })).toEqual(["cursor"]);
    }
  });
});
