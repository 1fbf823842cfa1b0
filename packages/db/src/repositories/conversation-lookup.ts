import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { conditionalUpdate } from "../lib/conditional-write";
import { isConditionalCheckFailed } from "../lib/errors";
import { newUuid } from "../lib/ids";
import { expiryAfterHours } from "../lib/ttl";
import type { Channel } from "@agents-crm/config/channels";
import type { Conversation, CreateConversationInput } from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import {
  CONVERSATION_TTL_ATTRIBUTE as TTL,
  LOOKUP_ID_PREFIX,
  lookupLinkFromItem,
} from "./conversation-item";
import type { LookupLink } from "./conversation-item";

export interface FindOrCreateInput {
  agentId: string;
  channel: Channel;
  externalUserId: string;
}

export interface FindOrCreateResult {
  conversation: Conversation;
  /** True for exactly one caller: the one whose write created the conversation. */
  created: boolean;
}

interface ConversationStore {
  getItem(id: string): Promise<Record<string, unknown> | undefined>;
  read(item: Record<string, unknown>): Conversation | undefined;
  putNew(conversation: Conversation, link: LookupLink): Promise<boolean>;
  newConversation(id: string, input: CreateConversationInput): Conversation;
}

const MAX_ROUNDS = 10;

export function lookupKey(input: FindOrCreateInput): string {
  return `${LOOKUP_ID_PREFIX}${input.agentId}#${input.channel}#${input.externalUserId}`;
}

/**
 * One conversation per (agent, channel, external user) without transactions (the embedded engine has
 * none). A lookup item `lookup#agent#channel#user` in the conversations table points at the current
 * conversation; it carries only conversation_id / target_id / created_at / expires_at, so no listing
 * index picks it up. Every step is a single-item conditional write:
 *
 * - no lookup: conditionally create it (attribute_not_exists) pointing at a fresh id, then create that
 *   conversation; a loser of the race re-reads and follows the winner's lookup;
 * - lookup → missing conversation: its creator is between the two writes, or crashed there, or the
 *   conversation was deleted by TTL: create the conversation under that id ourselves (conditional, so
 *   the creator and any helpers converge on one item);
 * - lookup → CLOSED or expired conversation: a new inbound message starts a FRESH conversation; the
 *   lookup is re-pointed conditionally on still pointing at the old one, so racers agree on one new id.
 *   Closed conversations stay as they were (history, stage, audit trail).
 */
export function createConversationLookup(db: Db, ctx: RepositoryContext, store: ConversationStore) {
  const tableName = db.tables.conversations;

  /** The lookup outlives the conversation by one TTL period, so TTL never deletes it first. */
  function lookupExpiry(conversationExpiresAt: number | undefined): number | undefined {
    return conversationExpiresAt === undefined
      ? undefined
      : conversationExpiresAt + Math.round(ctx.messageTtlHours * 3600);
  }

  async function pointLookup(
    key: string,
    targetId: string,
    previousTarget?: string,
  ): Promise<boolean> {
    try {
      await db.doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            conversation_id: key,
            target_id: targetId,
            created_at: ctx.now().toISOString(),
            // A lookup left behind by a crash between the two writes still expires.
            [TTL]: lookupExpiry(expiryAfterHours(ctx.now(), ctx.messageTtlHours)),
          },
          ConditionExpression:
            previousTarget === undefined
              ? "attribute_not_exists(conversation_id)"
              : "target_id = :prev",
          ...(previousTarget === undefined
            ? {}
            : { ExpressionAttributeValues: { ":prev": previousTarget } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  /** `lookupWritten`: the lookup was just written with a matching expiry; otherwise the next touch refreshes it. */
  async function createTarget(
    id: string,
    key: string,
    input: FindOrCreateInput,
    lookupWritten: boolean,
  ): Promise<FindOrCreateResult | undefined> {
    const conversation = store.newConversation(id, input);
    const link = {
      lookupKey: key,
      lookupExpiresAt: lookupWritten ? lookupExpiry(conversation.expiresAt) : undefined,
    };
    if (await store.putNew(conversation, link)) return { conversation, created: true };
    const item = await store.getItem(id);
    const existing = item && store.read(item);
    return existing ? { conversation: existing, created: false } : undefined;
  }

  /** Extends the lookup's expiry while it still points at this conversation. */
  async function extend(
    key: string,
    conversationId: string,
    conversationExpiresAt: number,
  ): Promise<void> {
    const expiresAt = lookupExpiry(conversationExpiresAt);
    // Sets `attribute` of item `id` to expiresAt while `condition` holds; null when it did not.
    const setExpiry = (
      id: string,
      attribute: string,
      condition: string,
      values: Record<string, unknown> = {},
    ) =>
      conditionalUpdate(db, {
        TableName: tableName,
        Key: { conversation_id: id },
        UpdateExpression: "SET #exp = :exp",
        ConditionExpression: condition,
        ExpressionAttributeNames: { "#exp": attribute },
        ExpressionAttributeValues: { ":exp": expiresAt, ...values },
      });
    if (!(await setExpiry(key, TTL, "target_id = :id", { ":id": conversationId }))) return;
    await setExpiry(conversationId, "lookup_expires_at", "attribute_exists(agent_id)");
  }

  /** Keeps the find-or-create lookup alive at least as long as the conversation it points at. */
  async function refreshLookup(item: Record<string, unknown>): Promise<void> {
    const link = lookupLinkFromItem(item);
    const expiresAt = item[TTL];
    if (!link.lookupKey || typeof expiresAt !== "number") return;
    if (link.lookupExpiresAt !== undefined && link.lookupExpiresAt >= expiresAt) return;
    await extend(link.lookupKey, String(item.conversation_id), expiresAt);
  }

  return {
    async findOrCreate(input: FindOrCreateInput): Promise<FindOrCreateResult> {
      const key = lookupKey(input);
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const pointer = await store.getItem(key);
        if (!pointer) {
          const id = newUuid();
          if (!(await pointLookup(key, id))) continue;
          const result = await createTarget(id, key, input, true);
          if (result) return result;
          continue;
        }
        const targetId = String(pointer.target_id);
        const item = await store.getItem(targetId);
        if (!item) {
          const result = await createTarget(targetId, key, input, false);
          if (result?.created && result.conversation.expiresAt !== undefined) {
            await extend(key, targetId, result.conversation.expiresAt);
          }
          if (result) return result;
          continue;
        }
        const current = store.read(item);
        if (current && current.status !== "CLOSED") {
          await refreshLookup(item);
          return { conversation: current, created: false };
        }
        const freshId = newUuid();
        if (!(await pointLookup(key, freshId, targetId))) continue;
        const result = await createTarget(freshId, key, input, true);
        if (result) return result;
      }
      throw new Error(`find-or-create did not settle for ${key} after ${MAX_ROUNDS} rounds`);
    },

    extend,
    refreshLookup,
  };
}
