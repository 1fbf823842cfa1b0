import type { Channel } from "@agents-crm/config/channels";
import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { QueryInput } from "../lib/query";
import { keyAttributes } from "../lib/query";
import {
  CONVERSATION_ALL_PK,
  CONVERSATION_TTL_ATTRIBUTE,
  CONVERSATIONS_TABLE,
  NEEDS_HUMAN_QUEUE_PK,
} from "./conversation-item";

export interface ConversationFilters {
  status?: ConversationStatus;
  /** Everything but this status (the "rest" half of a needs-human-first inbox). */
  excludeStatus?: ConversationStatus;
  /**
   * Judged at the query's `now`: false leaves out conversations snoozed until later, true keeps only
   * those. With `excludeStatus`, a snoozed conversation of that status is kept (it left that queue).
   */
  snoozed?: boolean;
  agentId?: string;
  channel?: Channel;
  stage?: string;
  /** One staff member's conversations (the sparse assignee index). */
  assigneeId?: string;
  /** Only conversations nobody is assigned to (a filter: the index is sparse, so it has no "nobody" key). */
  unassigned?: boolean;
}

type FilterField = "assigneeId" | "agentId" | "status" | "stage" | "channel";

/**
 * Most selective key first: one person's conversations are the smallest slice, an agent's a small
 * slice of the table, a status or a stage a larger one, a channel the largest. The other filters become a FilterExpression, which queryPage
 * keeps complete across DynamoDB pages.
 */
const INDEX_BY_FILTER: readonly { field: FilterField; attribute: string; index: string }[] = [
  { field: "assigneeId", attribute: "assignee_id", index: "assignee-activity-index" },
  { field: "agentId", attribute: "agent_id", index: "agent-activity-index" },
  { field: "status", attribute: "status", index: "status-activity-index" },
  { field: "stage", attribute: "stage", index: "stage-activity-index" },
  { field: "channel", attribute: "channel", index: "channel-activity-index" },
];
const ALL_INDEX = "all-activity-index";
const QUEUE_INDEX = "needs-human-queue-index";

export interface ConversationQuery {
  input: QueryInput;
  keys: string[];
  scope: string;
}

/**
 * `liveAt` (epoch seconds) filters out expired items in DynamoDB, for counts that never see items;
 * `activeSince` (ISO time) reads only conversations with activity since then, as a key range.
 * `queue`: the needs-human queue in its own order (most urgent, then longest waiting, first), every
 * filter (the status too, should a row's queue attributes lag behind it) applied to it.
 */
export function conversationQuery(
  tableName: string,
  filters: ConversationFilters,
  options: {
    newestFirst?: boolean;
    liveAt?: number;
    activeSince?: string;
    queue?: boolean;
    now?: string;
  } = {},
): ConversationQuery {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  const queue = options.queue === true;
  const chosen = queue ? undefined : INDEX_BY_FILTER.find((f) => filters[f.field] !== undefined);
  let keyCondition: string;
  if (queue) {
    names["#pk"] = "queue_pk";
    values[":pk"] = NEEDS_HUMAN_QUEUE_PK;
    keyCondition = "#pk = :pk";
  } else if (chosen) {
    names["#pk"] = chosen.attribute;
    values[":pk"] = filters[chosen.field];
    keyCondition = "#pk = :pk";
  } else {
    names["#pk"] = "all_pk";
    values[":pk"] = CONVERSATION_ALL_PK;
    keyCondition = "#pk = :pk";
  }
  if (options.activeSince !== undefined) {
    values[":since"] = options.activeSince;
    keyCondition += " AND activity_sort >= :since";
  }
  for (const f of INDEX_BY_FILTER) {
    if (f === chosen || filters[f.field] === undefined) continue;
    names[`#${f.field}`] = f.attribute;
    values[`:${f.field}`] = filters[f.field];
    conditions.push(`#${f.field} = :${f.field}`);
  }
  const snoozeAware = options.now !== undefined;
  if (snoozeAware && (filters.snoozed !== undefined || filters.excludeStatus !== undefined)) {
    names["#snoozed"] = "snoozed_until";
    values[":now"] = options.now;
  }
  if (filters.excludeStatus !== undefined) {
    names["#xstatus"] = "status";
    values[":xstatus"] = filters.excludeStatus;
    conditions.push(
      snoozeAware ? "(#xstatus <> :xstatus OR #snoozed > :now)" : "#xstatus <> :xstatus",
    );
  }
  if (snoozeAware && filters.snoozed === true) conditions.push("#snoozed > :now");
  if (snoozeAware && filters.snoozed === false) {
    conditions.push("(attribute_not_exists(#snoozed) OR #snoozed <= :now)");
  }
  if (filters.unassigned) {
    names["#assignee"] = "assignee_id";
    conditions.push("attribute_not_exists(#assignee)");
  }
  if (options.liveAt !== undefined) {
    names["#ttl"] = CONVERSATION_TTL_ATTRIBUTE;
    values[":liveAt"] = options.liveAt;
    conditions.push("(attribute_not_exists(#ttl) OR #ttl > :liveAt)");
  }
  const index = queue ? QUEUE_INDEX : (chosen?.index ?? ALL_INDEX);
  return {
    input: {
      TableName: tableName,
      IndexName: index,
      KeyConditionExpression: keyCondition,
      ...(conditions.length ? { FilterExpression: conditions.join(" AND ") } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: queue || !(options.newestFirst ?? true),
    },
    keys: keyAttributes(CONVERSATIONS_TABLE, index),
    scope: `conversations:${index}:${JSON.stringify([
      filters.agentId,
      filters.status,
      filters.stage,
      filters.channel,
      filters.excludeStatus,
      filters.assigneeId,
      filters.unassigned,
      filters.snoozed,
      // Was the sweep's `snoozeDue` filter (now the snooze index): kept so issued cursors stay valid.
      null,
    ])}`,
  };
}
