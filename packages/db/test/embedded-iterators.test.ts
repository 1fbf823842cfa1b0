import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "../src/client/embedded";

interface ResourceOwner {
  attachResource: (this: ResourceOwner, resource: unknown) => void;
  detachResource: (this: ResourceOwner, resource: unknown) => void;
}

// The LevelDB layer under dynalite (level → abstract-level), observed rather than changed: every open
// iterator is attached to its database as a resource until it is closed.
const fromDynalite = createRequire(createRequire(import.meta.url).resolve("dynalite"));
const fromLevel = createRequire(fromDynalite.resolve("level"));
const { AbstractLevel } = fromLevel("abstract-level") as {
  AbstractLevel: { prototype: ResourceOwner };
};

const open = new Set<unknown>();
// Class methods are not enumerable: keep them one by one.
const original = {
  attachResource: AbstractLevel.prototype.attachResource,
  detachResource: AbstractLevel.prototype.detachResource,
};
const dataDir = mkdtempSync(join(tmpdir(), "embedded-iterators-"));
let engine: EmbeddedDynamo;
let doc: DynamoDBDocumentClient;

beforeAll(async () => {
  AbstractLevel.prototype.attachResource = function (this: ResourceOwner, resource: unknown) {
    open.add(resource);
    original.attachResource.call(this, resource);
  };
  AbstractLevel.prototype.detachResource = function (this: ResourceOwner, resource: unknown) {
    open.delete(resource);
    original.detachResource.call(this, resource);
  };
  engine = await startEmbeddedDynamo({ dataDir });
  const raw = new DynamoDBClient({
    endpoint: engine.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  doc = DynamoDBDocumentClient.from(raw);
  await raw.send(
    new CreateTableCommand({
      TableName: "iterators",
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
    }),
  );
  for (let i = 0; i < 40; i++) {
    await doc.send(
      new PutCommand({ TableName: "iterators", Item: { pk: "p", sk: String(i).padStart(3, "0") } }),
    );
  }
});

afterAll(async () => {
  Object.assign(AbstractLevel.prototype, original);
  await engine?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded engine under a stream of queries", () => {
  it("closes the LevelDB iterator of every Query and Scan (each left open pinned memory for good)", async () => {
    const before = open.size;
    for (let i = 0; i < 60; i++) {
      await doc.send(
        new QueryCommand({
          TableName: "iterators",
          KeyConditionExpression: "pk = :p",
          ExpressionAttributeValues: { ":p": "p" },
          Limit: i % 2 === 0 ? 5 : 100,
        }),
      );
      if (i % 10 === 0) await doc.send(new ScanCommand({ TableName: "iterators", Limit: 10 }));
    }
    // Closing is asynchronous: give the last ones a moment.
    await new Promise((r) => setTimeout(r, 100));
    expect(open.size - before).toBeLessThanOrEqual(2);
  });
});
