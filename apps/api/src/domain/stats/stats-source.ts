import { parseMessageMetadata } from "@agents-crm/config/message-metadata";
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

/** What a message's metadata tells stats: parsed as every reader parses it, absent numbers as 0. */
function factsOf(metadata: unknown): Pick<MessageFacts, "escalationType" | "usage"> {
  const { escalation, usage } = parseMessageMetadata(metadata);
  return {
    escalationType: escalation ? (escalation.type ?? "unspecified") : null,
    usage: usage
      ? {
          costUsd: usage.costUsd ?? 0,
          latencyMs: usage.latencyMs ?? 0,
          llmLatencyMs: usage.llmLatencyMs ?? 0,
          totalTokens: usage.totalTokens ?? 0,
        }
      : null,
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
      return {
        conversationId,
        at: ulidTime(id),
        role: str(item.role) ?? "user",
        ...factsOf(item.metadata),
      };
    },
  );
}
