import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import type { ProvisionReport } from "./provision";
import { isConditionalCheckFailed } from "../lib/errors";
import { queryAll } from "../lib/query";
import {
  LEGACY_ATTRIBUTES,
  SNOOZE_INDEX_NAME,
  queueAttributes,
} from "../repositories/conversation-item";
import { backfillSnoozeIndex } from "./backfill-snooze";

export const QUEUE_INDEX_NAME = "needs-human-queue-index";

type Item = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The queue attributes of a stored item waiting for a human, or undefined when it is not one. */
export function queueAttributesOfItem(
  item: Item,
): { queue_pk: string; queue_sort: string } | undefined {
  const id = str(item.conversation_id);
  const activity = str(item.last_activity_at) ?? str(item.updated_at) ?? str(item.created_at);
  if (!id || item.status !== "NEEDS_HUMAN" || !activity) return undefined;
  const { queue_pk, queue_sort } = queueAttributes({
    conversationId: id,
    status: "NEEDS_HUMAN",
    escalationType: str(item.escalation_type) ?? str(item[LEGACY_ATTRIBUTES.escalationType]),
    needsHumanSince: str(item.needs_human_since),
    lastActivityAt: activity,
  });
  return queue_pk && queue_sort ? { queue_pk, queue_sort } : undefined;
}

/**
 * Puts the conversations already waiting for a human into the needs-human queue index, once, when the
 * index is added to an existing table: a Query of the NEEDS_HUMAN status partition, not a Scan. Rows
 * the app writes meanwhile win (the write is conditioned on the attribute still missing).
 */
export async function backfillNeedsHumanQueue(db: Db): Promise<number> {
  const TableName = db.tables.conversations;
  const waiting = await queryAll(
    db,
    {
      TableName,
      IndexName: "status-activity-index",
      KeyConditionExpression: "#s = :s",
      FilterExpression: "attribute_not_exists(#q)",
      ExpressionAttributeNames: { "#s": "status", "#q": "queue_pk" },
      ExpressionAttributeValues: { ":s": "NEEDS_HUMAN" },
    },
    (item) => item,
  );
  let written = 0;
  for (const item of waiting) {
    const attributes = queueAttributesOfItem(item);
    if (!attributes) continue;
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName,
          Key: { conversation_id: item.conversation_id },
          UpdateExpression: "SET #q = :q, #qs = :qs",
          ConditionExpression: "attribute_not_exists(#q) AND #s = :s",
          ExpressionAttributeNames: { "#q": "queue_pk", "#qs": "queue_sort", "#s": "status" },
          ExpressionAttributeValues: {
            ":q": attributes.queue_pk,
            ":qs": attributes.queue_sort,
            ":s": "NEEDS_HUMAN",
          },
        }),
      );
      written++;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  return written;
}

/**
 * After provisioning: when it has just added the queue index to an existing table, the conversations
 * already waiting for a human are put into it; when it has just added the snooze index, the snoozed
 * ones are (the API's start, `npm run db:provision` and `npm run db:migrate` call this). Returns how
 * many conversations were queued.
 */
export async function backfillAfterProvision(
  db: Db,
  report: ProvisionReport,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const added = (index: string) =>
    report.indexesAdded.includes(`${db.tables.conversations}/${index}`);
  if (added(SNOOZE_INDEX_NAME)) {
    const keyed = await backfillSnoozeIndex(db);
    if (keyed) log(`put ${keyed} snoozed conversations into ${SNOOZE_INDEX_NAME}`);
  }
  if (!added(QUEUE_INDEX_NAME)) return 0;
  const queued = await backfillNeedsHumanQueue(db);
  if (queued) log(`put ${queued} waiting conversations into ${QUEUE_INDEX_NAME}`);
  return queued;
}
