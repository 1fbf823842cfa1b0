import { ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import {
  CONVERSATION_ALL_PK,
  LEGACY_ATTRIBUTES,
  REFERENCE_DEFAULTS,
  activitySort,
  stageOfItem,
} from "../repositories/conversation-item";

import { queueAttributesOfItem } from "./backfill-queue";

type Item = Record<string, unknown>;

interface Backfill {
  table: (db: Db) => string;
  key: (item: Item) => Item;
  /** Attributes to add, or undefined when the item needs nothing (or is not this table's kind of item). */
  attributes: (item: Item) => Item | undefined;
  /** Only written while this attribute is still missing, so a concurrent write by the app wins. */
  missing: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The reference's timestamps in our sortable form (`toISOString`); a zone-less one is UTC. */
function iso(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  const date = new Date(/([zZ]|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const BACKFILLS: Record<"agents" | "conversations" | "auditLogs", Backfill> = {
  agents: {
    table: (db) => db.tables.agents,
    key: (item) => ({ agent_id: item.agent_id }),
    attributes: (item) => (item.list_pk ? undefined : { list_pk: "AGENT" }),
    missing: "list_pk",
  },
  conversations: {
    table: (db) => db.tables.conversations,
    key: (item) => ({ conversation_id: item.conversation_id }),
    attributes: (item) => {
      if (item.all_pk || typeof item.agent_id !== "string") return undefined;
      const id = String(item.conversation_id);
      const activity = iso(item.last_activity_at) ?? iso(item.updated_at) ?? iso(item.created_at);
      if (!activity) return undefined;
      const stage = stageOfItem(item);
      return {
        all_pk: CONVERSATION_ALL_PK,
        last_activity_at: activity,
        activity_sort: activitySort(activity, id),
        stage,
        [LEGACY_ATTRIBUTES.stage]: stage,
        status: str(item.status) ?? REFERENCE_DEFAULTS.status,
        channel: str(item.channel) ?? REFERENCE_DEFAULTS.channel,
        ...queueAttributesOfItem({ ...item, last_activity_at: activity }),
      };
    },
    missing: "all_pk",
  },
  auditLogs: {
    table: (db) => db.tables.auditLogs,
    key: (item) => ({ log_id: item.log_id }),
    attributes: (item) => {
      const timestamp = iso(item.timestamp);
      if (item.all_pk || !timestamp) return undefined;
      return { all_pk: "AUDIT", ts_sort: `${timestamp}#${String(item.log_id)}` };
    },
    missing: "all_pk",
  },
};

export type BackfillReport = Record<keyof typeof BACKFILLS, number>;

/**
 * One-off migration for a deployment of the reference product: items it wrote lack the attributes the
 * new indexes key on (list_pk, all_pk, activity_sort, ts_sort), so they would be missing from lists.
 * Scans the three tables once (an operator command, never a request path); safe to re-run.
 */
export async function backfillLegacyItems(
  db: Db,
  options: { log?: (line: string) => void } = {},
): Promise<BackfillReport> {
  const report: BackfillReport = { agents: 0, conversations: 0, auditLogs: 0 };
  for (const [id, backfill] of Object.entries(BACKFILLS) as [keyof BackfillReport, Backfill][]) {
    const tableName = backfill.table(db);
    let startKey: Item | undefined;
    do {
      const page = await db.doc.send(
        new ScanCommand({
          TableName: tableName,
          ExclusiveStartKey: startKey,
          FilterExpression: "attribute_not_exists(#m)",
          ExpressionAttributeNames: { "#m": backfill.missing },
        }),
      );
      for (const item of page.Items ?? []) {
        const attributes = backfill.attributes(item);
        if (!attributes) continue;
        const entries = Object.entries(attributes);
        try {
          await db.doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: backfill.key(item),
              UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :a${i}`).join(", ")}`,
              ConditionExpression: "attribute_not_exists(#m)",
              ExpressionAttributeNames: {
                "#m": backfill.missing,
                ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
              },
              ExpressionAttributeValues: Object.fromEntries(
                entries.map(([, v], i) => [`:a${i}`, v]),
              ),
            }),
          );
          report[id]++;
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    if (report[id]) options.log?.(`backfilled ${report[id]} items in ${tableName}`);
  }
  return report;
}
