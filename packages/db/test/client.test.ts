import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { DEFAULT_TABLE_NAMES } from "@agents-crm/config";
import { parseServerEnv } from "@agents-crm/config/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openDatabaseFromEnv } from "../src/client/open-database";
import { InvalidCursorError } from "../src/lib/errors";
import { decodeCursor, encodeCursor } from "../src/lib/cursor";
import { provisionTables } from "../src/provision/provision";
import { createRepositories } from "../src/repositories";
import { uniqueTableNames } from "../src/testing";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "agents-crm-db-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("embedded engine on disk", () => {
  it("keeps data across a restart", async () => {
    const tables = uniqueTableNames();
    const dataDir = join(dir, "nested", "dynamodb");
    const first = await openDatabase({ mode: "embedded", tables, dataDir });
    await provisionTables(first);
    await createRepositories(first).agents.create({ agentId: "kept", config: { x: 1.5 } });
    await first.close();

    const second = await openDatabase({ mode: "embedded", tables, dataDir });
    expect(second.engine).toBe("embedded");
    expect((await createRepositories(second).agents.get("kept"))?.config).toEqual({ x: 1.5 });
    await second.close();
  });

  it("openDatabaseFromEnv with no AWS settings uses the embedded engine under DATA_DIR/dynamodb", async () => {
    const env = parseServerEnv({ DATA_DIR: join(dir, "data") });
    const db = await openDatabaseFromEnv(env);
    try {
      expect(db.engine).toBe("embedded");
      expect(db.tables).toEqual(DEFAULT_TABLE_NAMES);
      await db.raw.send(new ListTablesCommand({}));
    } finally {
      await db.close();
    }
  });

  it("openDatabaseFromEnv picks an endpoint when DYNAMODB_ENDPOINT_URL is set, AWS with credentials", async () => {
    const endpoint = await openDatabaseFromEnv(
      parseServerEnv({ DYNAMODB_ENDPOINT_URL: "http://127.0.0.1:1" }),
    );
    expect(endpoint.engine).toBe("endpoint");
    await endpoint.close();
    const aws = await openDatabaseFromEnv(
      parseServerEnv({
        AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY: "secret",
        AWS_REGION: "eu-west-1",
      }),
    );
    expect(aws.engine).toBe("aws");
    expect(await aws.raw.config.region()).toBe("eu-west-1");
    await aws.close();
  });
});

describe("cursors", () => {
  const keys = ["pk", "sk"];
  it("round-trip and stay opaque", () => {
    const cursor = encodeCursor("scope", { pk: "a", sk: "b#1" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, "scope", keys)).toEqual({ pk: "a", sk: "b#1" });
  });
  it.each([
    ["garbage", "%%%"],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["wrong shape", Buffer.from(JSON.stringify({ k: 1 })).toString("base64url")],
    ["other keys", encodeCursor("scope", { pk: "a", other: "b" })],
    ["other list", encodeCursor("another", { pk: "a", sk: "b" })],
  ])("reject %s with InvalidCursorError", (_, cursor) => {
    expect(() => decodeCursor(cursor, "scope", keys)).toThrow(InvalidCursorError);
  });
});
