import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { GAP_TTL_DAYS } from "@agents-crm/config/knowledge-gaps";
import type { Db } from "../client/db";
import { conditionalPut } from "../lib/conditional-write";
import { clampLimit } from "../lib/page";
import type { Page, PageRequest } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import { keyAttributes, queryAll, queryPage } from "../lib/query";
import { expiryAfterHours, isExpired } from "../lib/ttl";
import { storedKnowledgeGapSchema, type StoredKnowledgeGap } from "../schemas/knowledge-gap";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";

type Item = Record<string, unknown>;

const TABLE = tableDefinition("knowledgeGaps");
const RANK_KEYS = keyAttributes(TABLE, "agent-rank-index");
const COUNT_DIGITS = 10;

/** Most asked first, then most recently asked: the order the console lists groups in. */
export function gapRankSort(gap: Pick<StoredKnowledgeGap, "count" | "lastSeenAt" | "groupId">) {
  const count = String(Math.min(gap.count, 10 ** COUNT_DIGITS - 1)).padStart(COUNT_DIGITS, "0");
  return `${count}#${gap.lastSeenAt}#${gap.groupId}`;
}

/** A stored group, or undefined once it is past its TTL (DynamoDB deletes late). */
function gapOf(item: Item, now: Date): StoredKnowledgeGap | undefined {
  if (isExpired(item, "expires_at", now)) return undefined;
  const { rank_sort: _rank, expires_at: _expires, ...rest } = item;
  return parseItem(storedKnowledgeGapSchema, rest, "knowledge gap", String(item.group_id));
}

const toItem = (gap: StoredKnowledgeGap): Item => ({
  agent_id: gap.agentId,
  group_id: gap.groupId,
  question: gap.question,
  count: gap.count,
  first_seen_at: gap.firstSeenAt,
  last_seen_at: gap.lastSeenAt,
  examples: gap.examples,
  version: gap.version,
  rank_sort: gapRankSort(gap),
  expires_at: expiryAfterHours(new Date(gap.lastSeenAt), GAP_TTL_DAYS * 24),
});

/**
 * Knowledge gaps, one partition per agent with a bounded number of groups (the domain caps them).
 * Writes are whole-item puts conditioned on the version read, so two turns adding to one group at once
 * never lose a count: the loser reads again. A group past its TTL reads as absent.
 */
export function createKnowledgeGapsRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.knowledgeGaps;

  const toGap = (item: Item) => gapOf(item, ctx.now());

  return {
    /** Every live group of one agent (a bounded partition), for matching a new question. */
    listAll(agentId: string): Promise<StoredKnowledgeGap[]> {
      return queryAll(
        db,
        {
          TableName,
          KeyConditionExpression: "agent_id = :agent",
          ExpressionAttributeValues: { ":agent": agentId },
          ConsistentRead: true,
        },
        toGap,
        ctx.queryPageSize,
      );
    },

    /** Most asked first. */
    list(agentId: string, request: PageRequest = {}): Promise<Page<StoredKnowledgeGap>> {
      return queryPage(db, {
        input: {
          TableName,
          IndexName: "agent-rank-index",
          KeyConditionExpression: "agent_id = :agent",
          ExpressionAttributeValues: { ":agent": agentId },
          ScanIndexForward: false,
        },
        keys: RANK_KEYS,
        scope: `knowledgeGaps:list:${agentId}`,
        cursor: request.cursor,
        limit: clampLimit(request.limit),
        map: toGap,
        pageSize: ctx.queryPageSize,
      });
    },

    /** A new group: false when one with this id exists already (another turn created it first). */
    create(gap: Omit<StoredKnowledgeGap, "version">): Promise<boolean> {
      return conditionalPut(db, {
        TableName,
        Item: toItem({ ...gap, version: 1 }),
        ConditionExpression: "attribute_not_exists(group_id)",
      });
    },

    /** Writes `gap` over the version it was read at: false when someone changed or removed it since. */
    replace(gap: StoredKnowledgeGap): Promise<boolean> {
      return conditionalPut(db, {
        TableName,
        Item: toItem({ ...gap, version: gap.version + 1 }),
        ConditionExpression: "version = :read",
        ExpressionAttributeValues: { ":read": gap.version },
      });
    },

    /** The group removed, or null when there was none (or only an expired one). */
    async remove(agentId: string, groupId: string): Promise<StoredKnowledgeGap | null> {
      const out = await db.doc.send(
        new DeleteCommand({
          TableName,
          Key: { agent_id: agentId, group_id: groupId },
          ReturnValues: "ALL_OLD",
        }),
      );
      return out.Attributes ? (toGap(out.Attributes) ?? null) : null;
    },
  };
}

export type KnowledgeGapsRepository = ReturnType<typeof createKnowledgeGapsRepository>;
