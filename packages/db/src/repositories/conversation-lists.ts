import type { Db } from "../client/db";
import { InvalidCursorError } from "../lib/errors";
import type { Page, PageRequest } from "../lib/page";
import { clampLimit } from "../lib/page";
import { keyAttributes, queryCount, queryPage } from "../lib/query";
import { toEpochSeconds } from "../lib/ttl";
import type { Conversation } from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import { CONVERSATIONS_TABLE, SNOOZE_INDEX_NAME, SNOOZE_PK } from "./conversation-item";
import { conversationQuery } from "./conversation-listing";
import type { ConversationFilters } from "./conversation-listing";
import type { ConversationStore } from "./conversation-store";

export type ListConversationsOptions = Omit<ConversationFilters, "excludeStatus"> & PageRequest;

const NEEDS_HUMAN = "NEEDS_HUMAN";
// Cursor prefixes of the two halves of the needs-human-first inbox ('.' is not a base64url character).
const INBOX_NEEDS_HUMAN = "h.";
const INBOX_REST = "r.";
// Cursor prefixes of the snoozed view's halves: waiting for a human, then handled by one.
const SNOOZED_WAITING = "w.";
const SNOOZED_HANDLED = "a.";

/** The conversation lists and counts, each through the index of its most selective filter. */
export function createConversationLists(
  db: Db,
  ctx: RepositoryContext,
  { tableName, read }: Pick<ConversationStore, "tableName" | "read">,
) {
  async function list(
    filters: ConversationFilters,
    request: PageRequest,
    limit = clampLimit(request.limit),
  ): Promise<Page<Conversation>> {
    const query = conversationQuery(tableName, filters, {
      queue: filters.status === NEEDS_HUMAN,
      now: ctx.now().toISOString(),
    });
    return queryPage(db, {
      ...query,
      cursor: request.cursor,
      limit,
      map: read,
      pageSize: ctx.queryPageSize,
    });
  }

  return {
    /**
     * Newest activity first, through the index of the most selective filter; the needs-human queue
     * (status NEEDS_HUMAN) most urgent first, then longest waiting.
     */
    list(options: ListConversationsOptions = {}): Promise<Page<Conversation>> {
      const { cursor, limit, ...filters } = options;
      return list(filters, { cursor, limit });
    },

    /**
     * The admin inbox: every NEEDS_HUMAN conversation (the queue's order: most urgent, then longest
     * waiting, first), then all the others
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
        { ...filters, status: NEEDS_HUMAN, snoozed: false },
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

    /**
     * The snoozed conversations (SNOOZABLE_STATUSES, snoozed until later): those waiting for a human
     * (the queue's order), then those a human handles (newest activity first), as one cursor-paginated
     * list, each half through the status index.
     */
    async listSnoozed(
      options: Omit<ListConversationsOptions, "status" | "snoozed"> = {},
    ): Promise<Page<Conversation>> {
      const { cursor, limit: requested, ...filters } = options;
      const limit = clampLimit(requested);
      const handled = async (c: string | null, n: number): Promise<Page<Conversation>> => {
        const page = await list(
          { ...filters, status: "HUMAN_ACTIVE", snoozed: true },
          { cursor: c },
          n,
        );
        return {
          items: page.items,
          nextCursor: page.nextCursor && SNOOZED_HANDLED + page.nextCursor,
        };
      };
      if (cursor?.startsWith(SNOOZED_HANDLED)) {
        return handled(cursor.slice(SNOOZED_HANDLED.length) || null, limit);
      }
      if (cursor && !cursor.startsWith(SNOOZED_WAITING))
        throw new InvalidCursorError("not a cursor");
      const first = await list(
        { ...filters, status: NEEDS_HUMAN, snoozed: true },
        { cursor: cursor?.slice(SNOOZED_WAITING.length) },
        limit,
      );
      if (first.nextCursor) {
        return { items: first.items, nextCursor: SNOOZED_WAITING + first.nextCursor };
      }
      const remaining = limit - first.items.length;
      if (remaining === 0) {
        const probe = await handled(null, 1);
        return { items: first.items, nextCursor: probe.items.length ? SNOOZED_HANDLED : null };
      }
      const second = await handled(null, remaining);
      return { items: [...first.items, ...second.items], nextCursor: second.nextCursor };
    },

    /**
     * The conversations whose snooze has run out by `now` but is not ended yet, earliest first, through
     * the sparse snooze index: only snoozed conversations are ever read, however many there are.
     */
    listSnoozeDue(options: PageRequest & { now?: Date } = {}): Promise<Page<Conversation>> {
      return queryPage(db, {
        input: {
          TableName: tableName,
          IndexName: SNOOZE_INDEX_NAME,
          KeyConditionExpression: "#pk = :pk AND #until <= :now",
          ExpressionAttributeNames: { "#pk": "snooze_pk", "#until": "snoozed_until" },
          ExpressionAttributeValues: {
            ":pk": SNOOZE_PK,
            ":now": (options.now ?? ctx.now()).toISOString(),
          },
        },
        keys: keyAttributes(CONVERSATIONS_TABLE, SNOOZE_INDEX_NAME),
        scope: `conversations:${SNOOZE_INDEX_NAME}`,
        cursor: options.cursor,
        limit: clampLimit(options.limit),
        map: read,
        pageSize: ctx.queryPageSize,
      });
    },

    /**
     * The most recently active conversations matching `filters` with activity since `since` (newest
     * first, at most `limit`); `more` says others remain (for bounded counts such as unread).
     */
    async listActiveSince(
      filters: Omit<ConversationFilters, "excludeStatus">,
      since: Date,
      limit: number,
    ): Promise<{ items: Conversation[]; more: boolean }> {
      const query = conversationQuery(tableName, filters, { activeSince: since.toISOString() });
      const page = await queryPage(db, { ...query, limit, map: read, pageSize: ctx.queryPageSize });
      return { items: page.items, more: page.nextCursor !== null };
    },

    /** How many conversations match (Select COUNT through the same index as `list`). */
    count(filters: ConversationFilters = {}): Promise<number> {
      const liveAt = toEpochSeconds(ctx.now());
      const { input } = conversationQuery(tableName, filters, {
        liveAt,
        now: ctx.now().toISOString(),
      });
      return queryCount(db, input);
    },
  };
}
