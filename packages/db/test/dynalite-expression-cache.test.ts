import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isConditionalCheckFailed } from "../src/lib/errors";
import { startTestDb, type TestDb } from "../src/testing";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(() => t.close());

const key = { setting_key: "expression-cache" };
const update = (value: string, at: number, ifBefore: number) =>
  t.db.doc.send(
    new UpdateCommand({
      TableName: t.db.tables.settings,
      Key: key,
      UpdateExpression: "SET #v = :v, #at = :at",
      ConditionExpression: "attribute_not_exists(#at) OR #at < :limit",
      ExpressionAttributeNames: { "#v": "value", "#at": "at" },
      ExpressionAttributeValues: { ":v": value, ":at": at, ":limit": ifBefore },
      ReturnValues: "ALL_NEW",
    }),
  );

describe("the embedded engine's parsed-expression templates", () => {
  it("apply each request's own values to an expression parsed before", async () => {
    expect((await update("first", 1, 0)).Attributes).toEqual({ ...key, value: "first", at: 1 });
    expect((await update("second", 5, 2)).Attributes).toEqual({ ...key, value: "second", at: 5 });
    // Same expression, a condition that no longer holds: the template does not keep old values.
    const refused = await update("third", 9, 5).catch((error: unknown) => error);
    expect(isConditionalCheckFailed(refused)).toBe(true);
    const stored = await t.db.doc.send(
      new GetCommand({ TableName: t.db.tables.settings, Key: key }),
    );
    expect(stored.Item).toEqual({ ...key, value: "second", at: 5 });
  });

  it("still refuse a value of another type where the expression's function forbids it", async () => {
    const send = (prefix: unknown) =>
      t.db.doc.send(
        new PutCommand({
          TableName: t.db.tables.settings,
          Item: { setting_key: "typed" },
          ConditionExpression: "attribute_not_exists(#k) OR begins_with(#k, :p)",
          ExpressionAttributeNames: { "#k": "setting_key" },
          ExpressionAttributeValues: { ":p": prefix },
        }),
      );
    await send("ty");
    const error = await send(5).catch((e: unknown) => e);
    expect(String(error)).toContain("Incorrect operand type");
  });

  it("report an unused value as before", async () => {
    const error = await t.db.doc
      .send(
        new UpdateCommand({
          TableName: t.db.tables.settings,
          Key: key,
          UpdateExpression: "SET #v = :v, #at = :at",
          ExpressionAttributeNames: { "#v": "value", "#at": "at" },
          ExpressionAttributeValues: { ":v": "x", ":at": 1, ":spare": "y" },
        }),
      )
      .catch((e: unknown) => e);
    expect(String(error)).toContain("unused in expressions");
  });
});
