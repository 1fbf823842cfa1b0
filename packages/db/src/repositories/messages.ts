import type { DeliveryFailure } from "@agents-crm/config/binding-errors";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { NotFoundError, isConditionalCheckFailed } from "../lib/errors";
import type { Page, PageRequest } from "../lib/page";
import { clampLimit } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import { keyAttributes, queryPage } from "../lib/query";
import { expiryAfterHours, isExpired, toEpochSeconds } from "../lib/ttl";
import { buildUpdate, type UpdateParts } from "../lib/update-expression";
import { appendMessageInputSchema, messageSchema } from "../schemas/message";
import type { DeliveryReason, DeliveryStatus } from "@agents-crm/config/messages";
import type { MessageMetadataInput } from "@agents-crm/config/message-metadata";
import type { AttachmentDelivery } from "@agents-crm/config/outbound-media";
import type { AppendMessageInput, Message } from "../schemas/message";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import type { SearchIndexRepository } from "./search-index";

const TABLE = tableDefinition("messages");
const TTL = TABLE.ttlAttribute ?? "expires_at";
const KEYS = keyAttributes(TABLE);
/** Upper bound for lastN: the LLM history window, never a whole transcript. */
export const MAX_LAST_N = 500;

export interface MessagePageOptions extends PageRequest {
  order?: "asc" | "desc";
  /** Staff notes are left out unless asked for: only the console's transcript shows them. */
  includeNotes?: boolean;
}

export interface NoteChange {
  content: string;
  metadata: MessageMetadataInput;
}

export interface DeliveryUpdate {
  status: DeliveryStatus;
  externalMessageId?: string;
  error?: string;
  /** Why it failed, for the console to word; any other update clears it. */
  failure?: DeliveryFailure;
  /** Replaces the per-file delivery record of a message with files. */
  attachmentDelivery?: Record<string, AttachmentDelivery>;
}

/** A status the platform reported later (delivered, read, failed), applied only from `from`. */
export interface ReportedDelivery {
  status: DeliveryStatus;
  reason?: DeliveryReason;
  at: string;
  /** The statuses it may replace: the condition that keeps a status from moving backwards. */
  from: readonly DeliveryStatus[];
}

export function createMessagesRepository(
  db: Db,
  ctx: RepositoryContext,
  searchIndex: Pick<SearchIndexRepository, "indexMessage" | "reindexMessage">,
) {
  const tableName = db.tables.messages;

  function read(item: Record<string, unknown>): Message | undefined {
    if (isExpired(item, TTL, ctx.now())) return undefined;
    return parseItem(
      messageSchema,
      { ...item, expires_at: item[TTL] },
      "message",
      `${String(item.conversation_id)}/${String(item.message_id)}`,
    );
  }

  /**
   * One conditional write to a message that has not expired (`condition` is joined to that); the message
   * as written, or null when the condition failed, the message is gone or it expired.
   */
  async function updateUnexpired(
    conversationId: string,
    messageId: string,
    update: UpdateParts & { condition: string },
  ): Promise<Message | null> {
    try {
      const out = await db.doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { conversation_id: conversationId, message_id: messageId },
          UpdateExpression: update.UpdateExpression,
          ConditionExpression: `${update.condition} AND (attribute_not_exists(#ttl) OR #ttl > :nowSec)`,
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, "#ttl": TTL },
          ExpressionAttributeValues: {
            ...update.ExpressionAttributeValues,
            ":nowSec": toEpochSeconds(ctx.now()),
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return (out.Attributes && read(out.Attributes)) ?? null;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return null;
      throw error;
    }
  }

  const withoutNotes = (item: Record<string, unknown>) =>
    item.role === "note" ? undefined : read(item);

  function page(conversationId: string, options: MessagePageOptions, limit: number) {
    const order = options.order ?? "asc";
    const scope = options.includeNotes ? "messages+notes" : "messages";
    return queryPage(db, {
      input: {
        TableName: tableName,
        KeyConditionExpression: "conversation_id = :c",
        ExpressionAttributeValues: { ":c": conversationId },
        ScanIndexForward: order === "asc",
      },
      keys: KEYS,
      scope: `${scope}:${conversationId}:${order}`,
      cursor: options.cursor,
      limit,
      map: options.includeNotes ? read : withoutNotes,
      pageSize: ctx.queryPageSize,
    });
  }

  return {
    /**
     * Stores a message under a new monotonic ULID (arrival order); expires MESSAGE_TTL_HOURS later. Every
     * message (notes too: only staff search) is indexed for search here, the one place messages are added.
     */
    async append(input: AppendMessageInput): Promise<Message> {
      const parsed = appendMessageInputSchema.parse(input);
      const now = ctx.now();
      const { timestamp, ...rest } = parsed;
      const message: Message = {
        ...rest,
        messageId: ctx.ulid(),
        kind: parsed.kind ?? "text",
        timestamp: timestamp === undefined ? now.toISOString() : new Date(timestamp).toISOString(),
        metadata: parsed.metadata ?? {},
        expiresAt: expiryAfterHours(now, ctx.messageTtlHours),
      };
      const { expiresAt, ...stored } = message;
      // Indexed alongside the put, both awaited: the reply waits for one round of writes, not two, and
      // a crash part way can leave index entries of an unstored message (a stray hit), never a stored
      // message the search cannot find.
      await Promise.all([
        db.doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...toItemKeys(stored), [TTL]: expiresAt },
            ConditionExpression: "attribute_not_exists(message_id)",
          }),
        ),
        searchIndex.indexMessage(message),
      ]);
      return message;
    },

    async get(conversationId: string, messageId: string): Promise<Message | null> {
      const out = await db.doc.send(
        new GetCommand({
          TableName: tableName,
          Key: { conversation_id: conversationId, message_id: messageId },
          ConsistentRead: true,
        }),
      );
      return (out.Item && read(out.Item)) ?? null;
    },

    /** A conversation's messages in time order (`asc`, default) or newest first (`desc`). */
    page(conversationId: string, options: MessagePageOptions = {}): Promise<Page<Message>> {
      return page(conversationId, options, clampLimit(options.limit));
    },

    /** Exactly the last `n` live messages of the conversation with the customer (no notes), oldest first. */
    async lastN(conversationId: string, n: number): Promise<Message[]> {
      const limit = Math.min(MAX_LAST_N, Math.max(0, Math.floor(n)));
      if (limit === 0) return [];
      const newest = await page(conversationId, { order: "desc" }, limit);
      return newest.items.reverse();
    },

    /**
     * Rewrites a staff note (an edit, or a deletion's tombstone) if it is still `authorId`'s note; null
     * when no such note exists (gone, expired, not a note, someone else's).
     */
    async updateNote(
      conversationId: string,
      messageId: string,
      authorId: string,
      change: NoteChange,
    ): Promise<Message | null> {
      const note = await updateUnexpired(conversationId, messageId, {
        UpdateExpression: "SET content = :content, metadata = :metadata",
        condition: "#role = :note AND author_id = :author",
        ExpressionAttributeNames: { "#role": "role" },
        ExpressionAttributeValues: {
          ":content": change.content,
          ":metadata": change.metadata,
          ":note": "note",
          ":author": authorId,
        },
      });
      // The new words become findable, and words only the old text held stop finding it.
      if (note) await searchIndex.reindexMessage(note);
      return note;
    },

    /**
     * Records a field of a customer message's metadata learnt after it was stored (a voice note's
     * transcript); the message becomes findable by it. Null when the message is gone.
     */
    async setMetadataField(
      conversationId: string,
      messageId: string,
      field: "transcript",
      value: string,
    ): Promise<Message | null> {
      const message = await updateUnexpired(conversationId, messageId, {
        UpdateExpression: "SET metadata.#field = :value",
        condition: "attribute_exists(message_id)",
        ExpressionAttributeNames: { "#field": field },
        ExpressionAttributeValues: { ":value": value },
      });
      if (message && field === "transcript") {
        await searchIndex.indexMessage({
          ...message,
          content: `${message.content} ${value}`.trim(),
        });
      }
      return message;
    },

    /**
     * Moves a message's delivery status as the platform reported it, in one conditional write (two
     * reports racing cannot move it backwards). Null when its current status is not in `from`, or the
     * message is gone.
     */
    async advanceDelivery(
      conversationId: string,
      messageId: string,
      report: ReportedDelivery,
    ): Promise<Message | null> {
      const values: Record<string, unknown> = { ":status": report.status, ":at": report.at };
      const from = report.from.map((status, i) => {
        values[`:from${i}`] = status;
        return `:from${i}`;
      });
      const sets = ["delivery_status = :status", "delivery_status_at = :at"];
      if (report.reason) {
        values[":reason"] = report.reason;
        values[":error"] = report.reason.message || report.reason.code;
        sets.push("delivery_reason = :reason", "delivery_error = :error");
      }
      return updateUnexpired(conversationId, messageId, {
        UpdateExpression: `SET ${sets.join(", ")}`,
        condition: `attribute_exists(message_id) AND delivery_status IN (${from.join(", ")})`,
        ExpressionAttributeNames: {},
        ExpressionAttributeValues: values,
      });
    },

    async updateDelivery(
      conversationId: string,
      messageId: string,
      update: DeliveryUpdate,
    ): Promise<Message> {
      const message = await updateUnexpired(conversationId, messageId, {
        ...buildUpdate({
          delivery_status: update.status,
          external_message_id: update.externalMessageId,
          // A later success clears an earlier failure's error.
          delivery_error: update.error ?? (update.status === "failed" ? undefined : null),
          delivery_failure: update.failure ?? null,
          attachment_delivery: update.attachmentDelivery,
        }),
        condition: "attribute_exists(message_id)",
      });
      if (!message) throw new NotFoundError("message", messageId);
      return message;
    },
  };
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>;
