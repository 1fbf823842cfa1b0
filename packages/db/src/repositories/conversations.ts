import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import {
  InvalidCursorError,
  NotFoundError,
  VersionConflictError,
  isConditionalCheckFailed,
} from "../lib/errors";
import { newUuid } from "../lib/ids";
import type { Page, PageRequest } from "../lib/page";
import { clampLimit } from "../lib/page";
import { queryCount, queryPage } from "../lib/query";
import { expiryAfterHours, toEpochSeconds } from "../lib/ttl";
import { buildUpdate } from "../lib/update-expression";
import { DEFAULT_STAGE, conversationPatchSchema } from "../schemas/conversation";
import type {
  Conversation,
  ConversationPatch,
  CreateConversationInput,
} from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import {
  CONVERSATION_TTL_ATTRIBUTE as TTL,
  activitySort,
  conversationFromItem,
  conversationToItem,
  lookupLinkFromItem,
  previewOf,
} from "./conversation-item";
import type { LookupLink } from "./conversation-item";
import { conversationQuery } from "./conversation-listing";
import type { ConversationFilters } from "./conversation-listing";
import { createConversationLookup } from "./conversation-lookup";
import type { FindOrCreateInput, FindOrCreateResult } from "./conversation-lookup";
import { versionCondition } from "./version-condition";

export type { ConversationFilters } from "./conversation-listing";
export type ListConversationsOptions = Omit<ConversationFilters, "excludeStatus"> & PageRequest;

export interface MutateOptions {
  /** Attempts (reads + conditional writes) before the last VersionConflictError is rethrown. */
  maxAttempts?: number;
}

const NEEDS_HUMAN = "NEEDS_HUMAN";
// Cursor prefixes of the two halves of the needs-human-first inbox ('.' is not a base64url character).
const INBOX_NEEDS_HUMAN = "h.";
const INBOX_REST = "r.";

export function createConversationsRepository(db: Db, ctx: RepositoryContext) {
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

  async function update(
    conversationId: string,
    input: ConversationPatch,
    options: { expectedVersion?: number } = {},
  ): Promise<Conversation> {
    // Parsing drops keys that are not patchable (ids, version, timestamps), whatever the caller passes.
    const patch = conversationPatchSchema.parse(input);
    const version = versionCondition(options.expectedVersion);
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
    const expression = buildUpdate(toItemKeys(mirrored), {
      set: ["#v = if_not_exists(#v, :zero) + :one"],
      names,
      values,
    });
    try {
      const out = await db.doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { conversation_id: conversationId },
          ...expression,
          ConditionExpression: condition,
          ReturnValues: "ALL_NEW",
        }),
      );
      const updated = out.Attributes && read(out.Attributes);
      if (!updated) throw new NotFoundError("conversation", conversationId);
      return updated;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      if (!(await get(conversationId))) throw new NotFoundError("conversation", conversationId);
      throw new VersionConflictError("conversation", conversationId, options.expectedVersion);
    }
  }

  /** Keeps the find-or-create lookup alive at least as long as the conversation it points at. */
  async function refreshLookup(item: Record<string, unknown>): Promise<void> {
    const link = lookupLinkFromItem(item);
    const expiresAt = item[TTL];
    if (!link.lookupKey || typeof expiresAt !== "number") return;
    if (link.lookupExpiresAt !== undefined && link.lookupExpiresAt >= expiresAt) return;
    await lookup.extend(link.lookupKey, String(item.conversation_id), expiresAt);
  }

  const lookup = createConversationLookup(db, ctx, {
    getItem,
    read,
    putNew,
    newConversation,
    refreshLookup,
  });

  async function list(
    filters: ConversationFilters,
    request: PageRequest,
    limit = clampLimit(request.limit),
  ): Promise<Page<Conversation>> {
    const query = conversationQuery(tableName, filters);
    return queryPage(db, {
      ...query,
      cursor: request.cursor,
      limit,
      map: read,
      pageSize: ctx.queryPageSize,
    });
  }

  return {
    get,

    /** A new conversation with a random uuid (web chat: one per visitor token). */
    async create(input: CreateConversationInput): Promise<Conversation> {
      const conversation = newConversation(newUuid(), input);
      if (!(await putNew(conversation))) throw new Error("conversation id collision");
      return conversation;
    },

    /** The one live conversation of (agent, channel, external user); see conversation-lookup.ts. */
    findOrCreate: (input: FindOrCreateInput): Promise<FindOrCreateResult> =>
      lookup.findOrCreate(input),

    update,

    /**
     * Read, compute a patch, write it conditioned on the version read; on a concurrent change, re-read
     * and recompute. `fn` returning undefined means "nothing to change".
     */
    async mutate(
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
          return await update(conversationId, patch, { expectedVersion: current.version });
        } catch (error) {
          if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
        }
      }
    },

    /**
     * Records activity (a message in or out): moves the conversation up the lists and extends its expiry.
     * Only moves forward in time; does not bump `version`, because it touches no field `update` sets.
     * Returns null when the conversation is absent or expired.
     */
    async touchActivity(
      conversationId: string,
      options: { at?: Date; preview?: string } = {},
    ): Promise<Conversation | null> {
      const at = options.at ?? ctx.now();
      const iso = at.toISOString();
      const names: Record<string, string> = { "#agent": "agent_id", "#last": "last_activity_at" };
      const values: Record<string, unknown> = { ":at": iso };
      const condition = [
        "attribute_exists(#agent)",
        notExpired(values, names),
        "(attribute_not_exists(#last) OR #last <= :at)",
      ].join(" AND ");
      const expression = buildUpdate(
        {
          last_activity_at: iso,
          activity_sort: activitySort(iso, conversationId),
          last_message_preview:
            options.preview === undefined ? undefined : previewOf(options.preview),
          [TTL]: expiryAfterHours(at, ctx.messageTtlHours),
        },
        { names, values },
      );
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { conversation_id: conversationId },
            ...expression,
            ConditionExpression: condition,
            ReturnValues: "ALL_NEW",
          }),
        );
        if (!out.Attributes) return null;
        await refreshLookup(out.Attributes);
        return read(out.Attributes) ?? null;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return get(conversationId);
        throw error;
      }
    },

    /** Newest activity first, through the index of the most selective filter. */
    list(options: ListConversationsOptions = {}): Promise<Page<Conversation>> {
      const { cursor, limit, ...filters } = options;
      return list(filters, { cursor, limit });
    },

    /**
     * The admin inbox: every NEEDS_HUMAN conversation (newest activity first), then all the others
     * (newest activity first), as one cursor-paginated list.
     */
    async listNeedsHumanFirst(
      options: Omit<ListConversationsOptions, "status"> = {},
    ): Promise<Page<Conversation>> {
      const { cursor, limit: requested, ...filters } = options;
      const limit = clampLimit(requested);
      const rest = (c: string | null, n: number) =>
        list({ ...filters, excludeStatus: NEEDS_HUMAN }, { cursor: c }, n);
      const restPage = (page: Page<Conversation>): Page<Conversation> => ({
        items: page.items,
        nextCursor: page.nextCursor && INBOX_REST + page.nextCursor,
      });
      if (cursor?.startsWith(INBOX_REST)) {
        return restPage(await rest(cursor.slice(INBOX_REST.length) || null, limit));
      }
      if (cursor && !cursor.startsWith(INBOX_NEEDS_HUMAN))
        throw new InvalidCursorError("not a cursor");
      const first = await list(
        { ...filters, status: NEEDS_HUMAN },
        { cursor: cursor?.slice(INBOX_NEEDS_HUMAN.length) },
        limit,
      );
      if (first.nextCursor) {
        return { items: first.items, nextCursor: INBOX_NEEDS_HUMAN + first.nextCursor };
      }
      const remaining = limit - first.items.length;
      if (remaining === 0) {
        const probe = await rest(null, 1);
        return { items: first.items, nextCursor: probe.items.length ? INBOX_REST : null };
      }
      const second = restPage(await rest(null, remaining));
      return { items: [...first.items, ...second.items], nextCursor: second.nextCursor };
    },

    /** How many conversations match (Select COUNT through the same index as `list`). */
    count(filters: Omit<ConversationFilters, "excludeStatus"> = {}): Promise<number> {
      const liveAt = toEpochSeconds(ctx.now());
      const { input } = conversationQuery(tableName, filters, { liveAt });
      return queryCount(db, input);
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
