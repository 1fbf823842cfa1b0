import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import type { Page, PageRequest } from "../lib/page";
import { clampLimit } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import { keyAttributes, queryPage } from "../lib/query";
import { appendAuditInputSchema, auditEntrySchema } from "../schemas/audit-entry";
import type { AppendAuditInput, AuditEntry } from "../schemas/audit-entry";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";

const TABLE = tableDefinition("auditLogs");
const ALL_PK = "AUDIT";
/** Sorts after every ULID character, so `${to}#~` bounds everything logged at `to`. */
const AFTER_ANY_ID = "~";

export interface ListAuditOptions extends PageRequest {
  /** Inclusive bounds. */
  from?: Date;
  to?: Date;
  action?: string;
  actorId?: string;
  resourceId?: string;
}

type Filter = "resourceId" | "actorId" | "action";

/** A resource's history is the narrowest slice, an actor's next, an action's the widest. */
const INDEX_BY_FILTER: readonly { field: Filter; attribute: string; index: string }[] = [
  { field: "resourceId", attribute: "resource_id", index: "resource-time-index" },
  { field: "actorId", attribute: "admin_id", index: "actor-time-index" },
  { field: "action", attribute: "action", index: "action-time-index" },
];

function toItem(entry: AuditEntry): Record<string, unknown> {
  const { actorId, ...rest } = entry;
  return {
    ...toItemKeys(rest),
    // The reference's attribute name (and the actor index's key).
    admin_id: actorId,
    all_pk: ALL_PK,
    ts_sort: `${entry.timestamp}#${entry.logId}`,
  };
}

function fromItem(item: Record<string, unknown>): AuditEntry {
  return parseItem(
    auditEntrySchema,
    { ...item, actor_id: item.admin_id },
    "audit entry",
    String(item.log_id),
  );
}

export function createAuditRepository(db: Db, ctx: RepositoryContext) {
  const tableName = db.tables.auditLogs;

  return {
    /** Appends one entry; the ULID log id never collides, however many entries share a second. */
    async append(input: AppendAuditInput): Promise<AuditEntry> {
      const parsed = appendAuditInputSchema.parse(input);
      const entry: AuditEntry = {
        ...parsed,
        logId: ctx.ulid(),
        timestamp: ctx.now().toISOString(),
        metadata: parsed.metadata ?? {},
      };
      await db.doc.send(
        new PutCommand({
          TableName: tableName,
          Item: toItem(entry),
          ConditionExpression: "attribute_not_exists(log_id)",
        }),
      );
      return entry;
    },

    /** Newest first; the time range is a key condition, the other filters ride on the chosen index. */
    list(options: ListAuditOptions = {}): Promise<Page<AuditEntry>> {
      const chosen = INDEX_BY_FILTER.find((f) => options[f.field] !== undefined);
      const index = chosen?.index ?? "all-time-index";
      const names: Record<string, string> = {
        "#pk": chosen?.attribute ?? "all_pk",
      };
      const values: Record<string, unknown> = { ":pk": chosen ? options[chosen.field] : ALL_PK };
      let keyCondition = "#pk = :pk";
      if (options.from || options.to) names["#ts"] = "ts_sort";
      const from = options.from?.toISOString();
      const to = options.to && `${options.to.toISOString()}#${AFTER_ANY_ID}`;
      if (from !== undefined && to !== undefined) {
        keyCondition += " AND #ts BETWEEN :from AND :to";
        Object.assign(values, { ":from": from, ":to": to });
      } else if (from !== undefined) {
        keyCondition += " AND #ts >= :from";
        values[":from"] = from;
      } else if (to !== undefined) {
        keyCondition += " AND #ts <= :to";
        values[":to"] = to;
      }
      const filters: string[] = [];
      for (const f of INDEX_BY_FILTER) {
        if (f === chosen || options[f.field] === undefined) continue;
        names[`#${f.field}`] = f.attribute;
        values[`:${f.field}`] = options[f.field];
        filters.push(`#${f.field} = :${f.field}`);
      }
      return queryPage(db, {
        input: {
          TableName: tableName,
          IndexName: index,
          KeyConditionExpression: keyCondition,
          ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
        },
        keys: keyAttributes(TABLE, index),
        scope: `audit:${index}:${JSON.stringify([
          options.resourceId,
          options.actorId,
          options.action,
          from,
          to,
        ])}`,
        cursor: options.cursor,
        limit: clampLimit(options.limit),
        map: fromItem,
        pageSize: ctx.queryPageSize,
      });
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
