import { queryAll, type QueryInput } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { ulidRange, ulidTime } from "./ulid-time";

type Item = Record<string, unknown>;

/** The conversation fields stats need, read straight from the item (no full parse per row). */
export interface ConversationFacts {
  conversationId: string;
  createdAt: string;
  lastActivityAt: string;
  status: string;
  stage: string;
  channel: string;
  needsHumanSince: string | null;
  escalationType: string | null;
}

export interface MessageFacts {
  conversationId: string;
  at: number;
  role: string;
  /** The escalation type an agent turn declared (chat stores it in `metadata.escalation`). */
  escalationType: string | null;
  usage: { costUsd: number; latencyMs: number; llmLatencyMs: number; totalTokens: number } | null;
}

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number =>
  typeof value === "number" && Number.isFinite(value) ? value : 0;
const live = (item: Item, nowSeconds: number) =>
  typeof item.expires_at !== "number" || item.expires_at <= 0 || item.expires_at > nowSeconds;

/**
 * Conversations with activity since `since`, through the activity index (sort key
 * `${last_activity_at}#${id}`): a conversation created or escalated in a window has had activity since
 * then, so this range read covers every one of them without a Scan.
 */
export function conversationsActiveSince(
  deps: Pick<ApiDeps, "db">,
  options: { since: Date; now: Date; agentId?: string },
): Promise<ConversationFacts[]> {
  const byAgent = options.agentId !== undefined;
  const input: QueryInput = {
    TableName: deps.db.tables.conversations,
    IndexName: byAgent ? "agent-activity-index" : "all-activity-index",
    KeyConditionExpression: "#pk = :pk AND activity_sort >= :since",
    ExpressionAttributeNames: { "#pk": byAgent ? "agent_id" : "all_pk" },
    ExpressionAttributeValues: {
      ":pk": options.agentId ?? "CONVERSATION",
      ":since": options.since.toISOString(),
    },
  };
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  return queryAll(deps.db, input, (item): ConversationFacts | undefined => {
    const conversationId = str(item.conversation_id);
    const createdAt = str(item.created_at);
    if (!conversationId || !createdAt || !live(item, nowSeconds)) return undefined;
    return {
      conversationId,
      createdAt,
      lastActivityAt: str(item.last_activity_at) ?? createdAt,
      status: str(item.status) ?? "AI_ACTIVE",
      stage: str(item.stage) ?? str(item.marketing_status) ?? "NEW",
      channel: str(item.channel) ?? "web_chat",
      needsHumanSince: str(item.needs_human_since),
      escalationType: str(item.escalation_type) ?? str(item.request_type),
    };
  });
}

const field = (value: unknown, key: string): Item | null => {
  if (typeof value !== "object" || value === null) return null;
  const inner = (value as Item)[key];
  return typeof inner === "object" && inner !== null ? (inner as Item) : null;
};

function usageOf(metadata: unknown): MessageFacts["usage"] {
  const u = field(metadata, "usage");
  if (!u) return null;
  return {
    costUsd: num(u.costUsd),
    latencyMs: num(u.latencyMs),
    llmLatencyMs: num(u.llmLatencyMs),
    totalTokens: num(u.totalTokens),
  };
}

/** One conversation's messages that arrived within [from, to]: a key range on the ULID sort key. */
export function messagesBetween(
  deps: Pick<ApiDeps, "db">,
  conversationId: string,
  window: { from: Date; to: Date; now: Date },
): Promise<MessageFacts[]> {
  const { low, high } = ulidRange(window.from.getTime(), window.to.getTime());
  const nowSeconds = Math.floor(window.now.getTime() / 1000);
  return queryAll(
    deps.db,
    {
      TableName: deps.db.tables.messages,
      KeyConditionExpression: "conversation_id = :c AND message_id BETWEEN :low AND :high",
      ProjectionExpression: "message_id, #role, metadata, expires_at",
      ExpressionAttributeNames: { "#role": "role" },
      ExpressionAttributeValues: { ":c": conversationId, ":low": low, ":high": high },
    },
    (item): MessageFacts | undefined => {
      const id = str(item.message_id);
      if (!id || !live(item, nowSeconds)) return undefined;
      const escalation = field(item.metadata, "escalation");
      return {
        conversationId,
        at: ulidTime(id),
        role: str(item.role) ?? "user",
        escalationType: escalation ? (str(escalation.type) ?? "unspecified") : null,
        usage: usageOf(item.metadata),
      };
    },
  );
}
