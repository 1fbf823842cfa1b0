import { DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import { DEFAULT_TABLE_NAMES, TABLE_ENV_DEFAULTS } from "@agents-crm/config";
import {
  createDb,
  provisionTables,
  startEmbeddedDynamo,
  type EmbeddedDynamo,
} from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failedStart } from "./helpers/api-process";

let engine: EmbeddedDynamo;
beforeAll(async () => {
  // A standalone DynamoDB endpoint with no tables, as a new AWS account or DynamoDB Local would be.
  engine = await startEmbeddedDynamo();
});
afterAll(() => engine.close());

const production = () => ({
  ENVIRONMENT: "production",
  DYNAMODB_ENDPOINT_URL: engine.endpoint,
  APP_URL: "https://crm.example.com",
  SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  ADMIN_TOKEN: "missing-tables-admin-token-0123456789",
});

function expectOneClearMessage(stderr: string, missing: string[]) {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain("ResourceNotFoundException");
  expect(stderr.split("\n").length).toBeLessThanOrEqual(3);
  const named = /DynamoDB tables? missing at .*: ([\w.-]+(?:, [\w.-]+)*)\.$/m
    .exec(stderr)?.[1]
    ?.split(", ");
  expect(named?.sort()).toEqual([...missing].sort());
  expect(stderr).toContain("npm run db:provision");
  expect(stderr).toContain("infra/terraform");
}

describe("production without its DynamoDB tables", () => {
  it("names every missing table and how to create them, in a few lines and no stack", async () => {
    const { code, stderr } = await failedStart({ env: production() });
    expect(code).toBe(1);
    expectOneClearMessage(stderr, Object.values(TABLE_ENV_DEFAULTS));
  }, 60_000);

  it("names only the tables that are missing", async () => {
    // Provisioned as the embedded engine it is (it has no TTL API), then two tables dropped.
    const db = createDb({
      tables: DEFAULT_TABLE_NAMES,
      region: "us-east-1",
      endpoint: engine.endpoint,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      engine: "embedded",
    });
    try {
      await provisionTables(db);
      await db.raw.send(new DeleteTableCommand({ TableName: DEFAULT_TABLE_NAMES.sessions }));
      await db.raw.send(new DeleteTableCommand({ TableName: DEFAULT_TABLE_NAMES.messages }));
    } finally {
      await db.close();
    }
    const { code, stderr } = await failedStart({ env: production() });
    expect(code).toBe(1);
    expectOneClearMessage(stderr, [DEFAULT_TABLE_NAMES.messages, DEFAULT_TABLE_NAMES.sessions]);
  }, 60_000);
});
