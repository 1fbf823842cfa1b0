import type { Db } from "../client/db";
import { ulidBounds, ulidTime } from "../lib/ids";
import { queryAll } from "../lib/query";
import { isExpired } from "../lib/ttl";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import {
  CONVERSATION_TTL_ATTRIBUTE,
  LEGACY_ATTRIBUTES,
  REFERENCE_DEFAULTS,
  stageOfItem,
} from "./conversation-item";
import { conversationQuery } from "./conversation-listing";

const MESSAGE_TTL_ATTRIBUTE = tableDefinition("messages").ttlAttribute ?? "expires_at";

/** The conversation fields statistics need, read straight from the item (no full parse per row). */
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

/** A message as statistics read it: when it was made (its ULID's time), by whom, and its metadata. */
export interface StatsMessage {
  conversationId: string;
  at: number;
  role: string;
  metadata: unknown;
}

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * Light, range-only reads for statistics over many rows: no Scan, no full parse per row; items written by
 * the reference read with the same fallbacks as everywhere else (conversation-item.ts).
 */
export function createStatsReadsRepository(db: Db, ctx: RepositoryContext) {
  return {
    /**
     * Conversations with activity since `since`, through the activity index (sort key
     * `${last_activity_at}#${id}`): a conversation created or escalated in a window has had activity
     * since then, so this range read covers every one of them without a Scan.
     */
    conversationsActiveSince(options: {
      since: Date;
      now?: Date;
      agentId?: string;
    }): Promise<ConversationFacts[]> {
      const now = options.now ?? ctx.now();
      const { input } = conversationQuery(
        db.tables.conversations,
        { agentId: options.agentId },
        { newestFirst: false, activeSince: options.since.toISOString() },
      );
      return queryAll(db, input, (item): ConversationFacts | undefined => {
        const conversationId = str(item.conversation_id);
        const createdAt = str(item.created_at);
        if (!conversationId || !createdAt || isExpired(item, CONVERSATION_TTL_ATTRIBUTE, now)) {
          return undefined;
        }
        return {
          conversationId,
          createdAt,
          lastActivityAt: str(item.last_activity_at) ?? createdAt,
          status: str(item.status) ?? REFERENCE_DEFAULTS.status,
          stage: stageOfItem(item),
          channel: str(item.channel) ?? REFERENCE_DEFAULTS.channel,
          needsHumanSince: str(item.needs_human_since),
          escalationType: str(item.escalation_type) ?? str(item[LEGACY_ATTRIBUTES.escalationType]),
        };
      });
    },

    /** One conversation's messages made within [from, to]: a key range on the ULID sort key. */
    messagesBetween(
      conversationId: string,
      window: { from: Date; to: Date; now?: Date },
    ): Promise<StatsMessage[]> {
      const { low, high } = ulidBounds(window.from.getTime(), window.to.getTime());
      const now = window.now ?? ctx.now();
      return queryAll(
        db,
        {
          TableName: db.tables.messages,
          KeyConditionExpression: "conversation_id = :c AND message_id BETWEEN :low AND :high",
          ProjectionExpression: "message_id, #role, metadata, #ttl",
          ExpressionAttributeNames: { "#role": "role", "#ttl": MESSAGE_TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ":c": conversationId, ":low": low, ":high": high },
        },
        (item): StatsMessage | undefined => {
          const id = str(item.message_id);
          if (!id || isExpired(item, MESSAGE_TTL_ATTRIBUTE, now)) return undefined;
          return {
            conversationId,
            at: ulidTime(id),
            role: str(item.role) ?? "user",
            metadata: item.metadata,
          };
        },
      );
    },
  };
}

export type StatsReadsRepository = ReturnType<typeof createStatsReadsRepository>;
