import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { expiryAfterSeconds, isExpired } from "../lib/ttl";
import type { RepositoryContext } from "./context";

/** Our message a platform message id belongs to. */
export interface SentMessageRef {
  conversationId: string;
  messageId: string;
}

/** Reports and echoes come within days; a ref never outlives its message, nor 30 days. */
const MAX_REF_SECONDS = 30 * 24 * 3600;

/** Namespaced in the sessions table (like kv-cache), so it can never collide with a session key. */
const refKey = (platform: string, platformMessageId: string) =>
  `sent#${platform}#${platformMessageId}`;

/**
 * Which of our messages a platform message id is: delivery reports (WhatsApp statuses, Twilio
 * callbacks) and echoes of our own sends name only that id. One item per sent part, written as the
 * part goes out.
 */
export function createSentMessageRefs(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.sessions;
  const ttlSeconds = () =>
    ctx.messageTtlHours > 0
      ? Math.min(ctx.messageTtlHours * 3600, MAX_REF_SECONDS)
      : MAX_REF_SECONDS;

  return {
    async remember(platform: string, platformMessageId: string, ref: SentMessageRef) {
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: {
            session_key: refKey(platform, platformMessageId),
            conversation_id: ref.conversationId,
            message_id: ref.messageId,
            expires_at: expiryAfterSeconds(ctx.now(), ttlSeconds()),
          },
        }),
      );
    },

    async find(platform: string, platformMessageId: string): Promise<SentMessageRef | null> {
      const out = await db.doc.send(
        new GetCommand({
          TableName,
          Key: { session_key: refKey(platform, platformMessageId) },
          ConsistentRead: true,
        }),
      );
      const item = out.Item;
      if (!item || isExpired(item, "expires_at", ctx.now())) return null;
      const { conversation_id: conversationId, message_id: messageId } = item;
      return typeof conversationId === "string" && typeof messageId === "string"
        ? { conversationId, messageId }
        : null;
    },
  };
}

export type SentMessageRefs = ReturnType<typeof createSentMessageRefs>;
