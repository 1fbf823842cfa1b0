import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import { tableDefinition } from "../tables/definitions";
import { isTimeOrderedId, parseLegacyTimestamp, timeOrderedIdFor } from "./legacy-values";
import { inParallel, scanPages } from "./scan-pages";
import type { RawItem, ScanPagesOptions } from "./scan-pages";

const TTL = tableDefinition("messages").ttlAttribute ?? "expires_at";

export interface RekeyReport {
  scanned: number;
  /** Already keyed by a ULID (written by this project, or migrated before). */
  alreadyTimeOrdered: number;
  /** Re-keyed (dry run: would be). */
  rekeyed: number;
  /** No readable timestamp: left under their old key, so nothing is lost, but they sort arbitrarily. */
  withoutTimestamp: string[];
  /** The new key is taken by a different message: left under the old key. */
  conflicts: string[];
  /** Items given `expires_at` from their legacy `ttl` (only with legacyTtl "apply"). */
  ttlApplied: number;
}

export interface RekeyOptions extends Omit<ScanPagesOptions, "filter"> {
  dryRun: boolean;
  applyLegacyTtl: boolean;
  concurrency?: number;
  log?: (line: string) => void;
}

const keyLabel = (item: RawItem) => `${item.conversation_id?.S}/${item.message_id?.S}`;

/**
 * Gives the reference's messages (message_id = random uuid4, so a conversation's sort key is not its
 * order) time-ordered ULIDs derived from their `timestamp`. Per message: write the copy under the new
 * key (conditionally: a different message there is a conflict, our own earlier copy is fine), read it
 * back with a consistent read, and only then delete the original. A crash at any point leaves either
 * the original or both, never neither, and a re-run converges on exactly one copy.
 */
export async function rekeyLegacyMessages(db: Db, options: RekeyOptions): Promise<RekeyReport> {
  const tableName = db.tables.messages;
  const report: RekeyReport = {
    scanned: 0,
    alreadyTimeOrdered: 0,
    rekeyed: 0,
    withoutTimestamp: [],
    conflicts: [],
    ttlApplied: 0,
  };

  async function applyTtlInPlace(item: RawItem) {
    if (!options.applyLegacyTtl || !item.ttl?.N || item[TTL]) return;
    report.ttlApplied++;
    if (options.dryRun) return;
    try {
      await db.raw.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: {
            conversation_id: item.conversation_id ?? { S: "" },
            message_id: item.message_id ?? { S: "" },
          },
          UpdateExpression: "SET #ttl = #legacy",
          ConditionExpression: "attribute_exists(message_id) AND attribute_not_exists(#ttl)",
          ExpressionAttributeNames: { "#ttl": TTL, "#legacy": "ttl" },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async function migrate(item: RawItem) {
    const oldId = item.message_id?.S ?? "";
    const conversationId = item.conversation_id?.S ?? "";
    const at = parseLegacyTimestamp(
      item.timestamp?.S ?? (item.timestamp?.N ? Number(item.timestamp.N) : undefined),
    );
    if (!at) {
      report.withoutTimestamp.push(keyLabel(item));
      return;
    }
    const newId = timeOrderedIdFor(oldId, at);
    const withTtl = options.applyLegacyTtl && item.ttl?.N && !item[TTL];
    if (options.dryRun) {
      report.rekeyed++;
      if (withTtl) report.ttlApplied++;
      return;
    }
    const copy: RawItem = {
      ...item,
      message_id: { S: newId },
      legacy_message_id: { S: oldId },
      timestamp: { S: at.toISOString() },
      ...(withTtl && item.ttl ? { [TTL]: item.ttl } : {}),
    };
    try {
      await db.raw.send(
        new PutItemCommand({
          TableName: tableName,
          Item: copy,
          ConditionExpression: "attribute_not_exists(message_id) OR legacy_message_id = :old",
          ExpressionAttributeValues: { ":old": { S: oldId } },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      report.conflicts.push(`${keyLabel(item)} -> ${newId}`);
      return;
    }
    const written = await db.raw.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { conversation_id: { S: conversationId }, message_id: { S: newId } },
        ConsistentRead: true,
      }),
    );
    if (written.Item?.legacy_message_id?.S !== oldId) {
      throw new Error(
        `the copy of ${keyLabel(item)} at ${newId} could not be read back; original kept`,
      );
    }
    try {
      await db.raw.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: { conversation_id: { S: conversationId }, message_id: { S: oldId } },
          ConditionExpression: "attribute_exists(message_id)",
        }),
      );
    } catch (error) {
      // Another run deleted it after making the same copy.
      if (!isConditionalCheckFailed(error)) throw error;
    }
    report.rekeyed++;
    if (withTtl) report.ttlApplied++;
  }

  await scanPages(
    db,
    tableName,
    async (items) => {
      report.scanned += items.length;
      const legacy: RawItem[] = [];
      for (const item of items) {
        if (isTimeOrderedId(item.message_id?.S ?? "")) {
          report.alreadyTimeOrdered++;
          await applyTtlInPlace(item);
        } else legacy.push(item);
      }
      await inParallel(legacy, options.concurrency ?? 8, migrate);
      if (legacy.length)
        options.log?.(`messages: ${report.scanned} scanned, ${report.rekeyed} re-keyed`);
    },
    options,
  );
  report.withoutTimestamp.sort();
  report.conflicts.sort();
  return report;
}
