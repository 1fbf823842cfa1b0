import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import type { Db } from "../client/db";
import { VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import type { Setting } from "../schemas/setting";
import type { RepositoryContext } from "./context";

/**
 * Versioned JSON documents (CRM pipeline stages, feature settings). Values are stored as JSON text so
 * they read back exactly (DynamoDB maps would turn numbers into decimals and refuse empty sets).
 */
export function createSettingsRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.settings;

  return {
    /** With a schema the stored value is validated (and defaults applied) on the way out. */
    async get<T = unknown>(key: string, schema?: z.ZodType<T>): Promise<Setting<T> | null> {
      const out = await db.doc.send(
        new GetCommand({ TableName, Key: { setting_key: key }, ConsistentRead: true }),
      );
      const item = out.Item;
      if (typeof item?.value_json !== "string") return null;
      const raw: unknown = JSON.parse(item.value_json);
      return {
        key,
        value: schema ? schema.parse(raw) : (raw as T),
        version: Number(item.version),
        updatedAt: String(item.updated_at),
      };
    },

    /**
     * `expectedVersion` makes the write conditional (0 = "must not exist yet"); a mismatch throws
     * VersionConflictError. Without it the write is unconditional but still bumps the version.
     */
    async put<T>(
      key: string,
      value: T,
      options: { expectedVersion?: number } = {},
    ): Promise<Setting<T>> {
      const updatedAt = ctx.now().toISOString();
      const expected = options.expectedVersion;
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { setting_key: key },
            UpdateExpression:
              "SET value_json = :value, updated_at = :now, #v = if_not_exists(#v, :zero) + :one",
            ...(expected === undefined
              ? {}
              : {
                  ConditionExpression:
                    expected === 0 ? "attribute_not_exists(setting_key)" : "#v = :expected",
                }),
            ExpressionAttributeNames: { "#v": "version" },
            ExpressionAttributeValues: {
              ":value": JSON.stringify(value ?? null),
              ":now": updatedAt,
              ":zero": 0,
              ":one": 1,
              ...(expected === undefined || expected === 0 ? {} : { ":expected": expected }),
            },
            ReturnValues: "ALL_NEW",
          }),
        );
        return { key, value, version: Number(out.Attributes?.version), updatedAt };
      } catch (error) {
        if (isConditionalCheckFailed(error))
          throw new VersionConflictError("setting", key, expected);
        throw error;
      }
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
