import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { conditionalUpdate } from "../lib/conditional-write";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import { expiryAfterHours, toEpochSeconds } from "../lib/ttl";
import { buildUpdate } from "../lib/update-expression";
import type { UpdateParts } from "../lib/update-expression";
import { DEFAULT_STAGE } from "@agents-crm/config/pipeline";
import { conversationPatchSchema } from "../schemas/conversation";
import type {
  Conversation,
  ConversationPatch,
  CreateConversationInput,
} from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import {
  CONVERSATION_TTL_ATTRIBUTE as TTL,
  conversationFromItem,
  conversationToItem,
  queueAttributes,
  snoozeAttributes,
} from "./conversation-item";
import type { LookupLink } from "./conversation-item";
import { versionCondition } from "./version-condition";

export interface MutateOptions {
  /** Attempts (reads + conditional writes) before the last VersionConflictError is rethrown. */
  maxAttempts?: number;
}

/** One conversation item: read it, create it, patch it under a version condition. */
export function createConversationStore(db: Db, ctx: RepositoryContext) {
  const tableName = db.tables.conversations;
  const read = (item: Record<string, unknown>) => conversationFromItem(item, ctx.now);

  async function getItem(conversationId: string): Promise<Record<string, unknown> | undefined> {
    const out = await db.doc.send(
      new GetCommand({
        TableName: tableName,
        Key: { conversation_id: conversationId },
        ConsistentRead: true,
      }),
    );
    return out.Item;
  }

  async function get(conversationId: string): Promise<Conversation | null> {
    const item = await getItem(conversationId);
    return (item && read(item)) ?? null;
  }

  function newConversation(id: string, input: CreateConversationInput): Conversation {
    const now = ctx.now();
    const iso = now.toISOString();
    return {
      conversationId: id,
      agentId: input.agentId,
      channel: input.channel,
      status: input.status ?? "AI_ACTIVE",
      stage: input.stage ?? DEFAULT_STAGE,
      createdAt: iso,
      updatedAt: iso,
      lastActivityAt: iso,
      version: 1,
      externalUserId: input.externalUserId,
      externalConversationId: input.externalConversationId,
      webTokenHash: input.webTokenHash,
      contactId: input.contactId,
      expiresAt: expiryAfterHours(now, ctx.messageTtlHours),
    };
  }

  /** Conditional put of a new conversation; false when the id is taken. */
  async function putNew(conversation: Conversation, link: LookupLink = {}): Promise<boolean> {
    try {
      await db.doc.send(
        new PutCommand({
          TableName: tableName,
          Item: conversationToItem(conversation, link),
          ConditionExpression: "attribute_not_exists(conversation_id)",
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  function notExpired(values: Record<string, unknown>, names: Record<string, string>): string {
    names["#ttl"] = TTL;
    values[":nowSec"] = toEpochSeconds(ctx.now());
    return "(attribute_not_exists(#ttl) OR #ttl > :nowSec)";
  }

  /** A conditional UpdateItem that returns the new item; null when `condition` did not hold. */
  function updateReturningNew(conversationId: string, expression: UpdateParts, condition: string) {
    return conditionalUpdate(db, {
      TableName: tableName,
      Key: { conversation_id: conversationId },
      ...expression,
      ConditionExpression: condition,
      ReturnValues: "ALL_NEW",
    });
  }

  /**
   * Keeps the needs-human queue's index attributes in step with the row after a write that could move
   * it (status, escalation type, waiting since). `mutate` knows the row it patched, so its single write
   * is right already; a bare `update` is put right here, conditioned on the version it produced.
   */
  async function syncQueue(item: Record<string, unknown>, updated: Conversation): Promise<void> {
    const wanted = queueAttributes(updated);
    if (
      (item.queue_pk ?? null) === wanted.queue_pk &&
      (item.queue_sort ?? null) === wanted.queue_sort
    )
      return;
    const names: Record<string, string> = { "#v": "version" };
    const values: Record<string, unknown> = { ":v": updated.version };
    await updateReturningNew(
      updated.conversationId,
      buildUpdate(wanted, { names, values }),
      "#v = :v",
    );
  }

  async function update(
    conversationId: string,
    input: ConversationPatch,
    options: { expectedVersion?: number; current?: Conversation } = {},
  ): Promise<Conversation> {
    // Parsing drops keys that are not patchable (ids, version, timestamps), whatever the caller passes.
    const patch = conversationPatchSchema.parse(input);
    const version = versionCondition(options.expectedVersion);
    const movesQueue =
      patch.status !== undefined ||
      patch.escalationType !== undefined ||
      patch.needsHumanSince !== undefined;
    const queue =
      movesQueue && options.current
        ? queueAttributes({
            ...options.current,
            ...(patch.status !== undefined && { status: patch.status }),
            ...(patch.escalationType !== undefined && {
              escalationType: patch.escalationType ?? undefined,
            }),
            ...(patch.needsHumanSince !== undefined && {
              needsHumanSince: patch.needsHumanSince ?? undefined,
            }),
          })
        : {};
    const mirrored: Record<string, unknown> = { ...patch, updatedAt: ctx.now().toISOString() };
    if (patch.stage !== undefined) mirrored.marketingStatus = patch.stage;
    if (patch.escalationType !== undefined && patch.requestType === undefined) {
      mirrored.requestType = patch.escalationType;
    }
    const names: Record<string, string> = {
      "#agent": "agent_id",
      "#v": "version",
      ...version.names,
    };
    const values: Record<string, unknown> = { ":zero": 0, ":one": 1, ...version.values };
    const condition = ["attribute_exists(#agent)", notExpired(values, names), version.expression]
      .filter(Boolean)
      .join(" AND ");
    // The snooze index's key moves with `snoozed_until` in this same write: never one without the other.
    const snooze = patch.snoozedUntil !== undefined ? snoozeAttributes(patch.snoozedUntil) : {};
    const expression = buildUpdate(
      { ...toItemKeys(mirrored), ...queue, ...snooze },
      {
        set: ["#v = if_not_exists(#v, :zero) + :one"],
        names,
        values,
      },
    );
    const out = await updateReturningNew(conversationId, expression, condition);
    if (!out) {
      if (!(await get(conversationId))) throw new NotFoundError("conversation", conversationId);
      throw new VersionConflictError("conversation", conversationId, options.expectedVersion);
    }
    const updated = out.Attributes && read(out.Attributes);
    if (!updated) throw new NotFoundError("conversation", conversationId);
    if (movesQueue && out.Attributes) await syncQueue(out.Attributes, updated);
    return updated;
  }

  /**
   * Read, compute a patch, write it conditioned on the version read; on a concurrent change, re-read
   * and recompute. `fn` returning undefined means "nothing to change".
   */
  async function mutate(
    conversationId: string,
    fn: (
      current: Conversation,
    ) => ConversationPatch | undefined | Promise<ConversationPatch | undefined>,
    options: MutateOptions = {},
  ): Promise<Conversation> {
    const maxAttempts = options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const current = await get(conversationId);
      if (!current) throw new NotFoundError("conversation", conversationId);
      const patch = await fn(current);
      if (!patch || Object.keys(patch).length === 0) return current;
      try {
        return await update(conversationId, patch, { expectedVersion: current.version, current });
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
      }
    }
  }

  return {
    tableName,
    read,
    getItem,
    get,
    newConversation,
    putNew,
    notExpired,
    updateReturningNew,
    update,
    mutate,
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
