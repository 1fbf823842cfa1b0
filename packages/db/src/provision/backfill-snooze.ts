import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { SNOOZABLE_STATUSES } from "@agents-crm/config/conversations";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import { queryAll } from "../lib/query";
import { SNOOZE_PK } from "../repositories/conversation-item";

/** Settings item that records the backfill ran on this deployment, so each start costs one read. */
export const SNOOZE_BACKFILL_MARKER = "migration#snooze-index";

/**
 * Gives the conversations snoozed before the snooze index existed its key (`snooze_pk`), so the sweep
 * that reads only that index still ends their snoozes. Reads the snoozable status partitions (a snooze
 * belongs to those: any status change ends it), not the table. A snooze ended or changed meanwhile wins
 * (the write is conditioned on the `snoozed_until` read). Returns how many it keyed.
 */
export async function backfillSnoozeIndex(db: Db): Promise<number> {
  const TableName = db.tables.conversations;
  let written = 0;
  for (const status of SNOOZABLE_STATUSES) {
    const snoozed = await queryAll(
      db,
      {
        TableName,
        IndexName: "status-activity-index",
        KeyConditionExpression: "#s = :s",
        FilterExpression: "attribute_exists(#u) AND attribute_not_exists(#pk)",
        ExpressionAttributeNames: { "#s": "status", "#u": "snoozed_until", "#pk": "snooze_pk" },
        ExpressionAttributeValues: { ":s": status },
        ProjectionExpression: "conversation_id, snoozed_until",
      },
      (item) => item,
    );
    for (const item of snoozed) {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { conversation_id: item.conversation_id },
            UpdateExpression: "SET #pk = :pk",
            ConditionExpression: "#u = :u AND attribute_not_exists(#pk)",
            ExpressionAttributeNames: { "#pk": "snooze_pk", "#u": "snoozed_until" },
            ExpressionAttributeValues: { ":pk": SNOOZE_PK, ":u": item.snoozed_until },
          }),
        );
        written++;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
  }
  return written;
}

/**
 * The backfill once per deployment whose indexes someone else creates (Terraform), where no provisioning
 * report says the index is new: skipped when the marker says it ran; idempotent, so two replicas
 * starting at once do no harm.
 */
export async function backfillSnoozeIndexOnce(db: Db, now: Date = new Date()): Promise<number> {
  const Key = { setting_key: SNOOZE_BACKFILL_MARKER };
  const marker = await db.doc.send(
    new GetCommand({ TableName: db.tables.settings, Key, ConsistentRead: true }),
  );
  if (marker.Item) return 0;
  const written = await backfillSnoozeIndex(db);
  await db.doc.send(
    new PutCommand({
      TableName: db.tables.settings,
      Item: {
        ...Key,
        value_json: JSON.stringify({ conversations: written }),
        updated_at: now.toISOString(),
        version: 1,
      },
    }),
  );
  return written;
}
