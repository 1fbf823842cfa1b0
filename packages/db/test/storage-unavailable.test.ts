import { GetItemCommand, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/client/open-database";
import type { Db } from "../src/client/db";
import { isStorageUnavailable, StorageUnavailableError } from "../src/lib/errors";
import { provisionTables } from "../src/provision/provision";
import { createRepositories } from "../src/repositories";
import { uniqueTableNames } from "../src/testing";
import { startDynamoProxy, type DynamoProxy } from "./support/dynamo-proxy";

let engine: Db;
let failing: DynamoProxy;

beforeAll(async () => {
  engine = await openDatabase({ mode: "embedded", tables: uniqueTableNames() });
  await provisionTables(engine);
  // Answers like a DynamoDB whose storage failed: 500 InternalServerError, after the SDK's retries too.
  failing = await startDynamoProxy("http://127.0.0.1:1", () =>
    Promise.resolve({
      status: 500,
      body: {
        __type: "com.amazonaws.dynamodb.v20120810#InternalServerError",
        message: "Storage unavailable: IO error: 000003.log: No space left on device",
      },
    }),
  );
});

afterAll(async () => {
  await failing.close();
  await engine.close();
});

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("errors that mean the database cannot serve us now", () => {
  it("a server fault (the embedded engine's full disk answers 500) is a StorageUnavailableError", async () => {
    const db = await openDatabase({
      mode: "endpoint",
      endpoint: failing.endpoint,
      tables: engine.tables,
    });
    try {
      const error = await thrownBy(createRepositories(db).agents.get("any"));
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(isStorageUnavailable(error)).toBe(true);
      expect((error as Error).message).toMatch(/InternalServerError: .*No space left on device/);
    } finally {
      await db.close();
    }
  });

  it("an unreachable endpoint is a StorageUnavailableError", async () => {
    const db = await openDatabase({
      mode: "endpoint",
      endpoint: "http://127.0.0.1:1",
      tables: engine.tables,
    });
    try {
      const error = await thrownBy(db.raw.send(new ListTablesCommand({})));
      expect(error).toBeInstanceOf(StorageUnavailableError);
    } finally {
      await db.close();
    }
  });

  it("a wrong request stays what it is (a missing table, a failed condition)", async () => {
    const missing = await thrownBy(
      engine.raw.send(new GetItemCommand({ TableName: "no-such-table", Key: { k: { S: "x" } } })),
    );
    expect((missing as Error).name).toBe("ResourceNotFoundException");
    expect(isStorageUnavailable(missing)).toBe(false);

    const repos = createRepositories(engine);
    await repos.agents.create({ agentId: "once", config: {} });
    const twice = await thrownBy(repos.agents.create({ agentId: "once", config: {} }));
    expect(isStorageUnavailable(twice)).toBe(false);
  });
});
