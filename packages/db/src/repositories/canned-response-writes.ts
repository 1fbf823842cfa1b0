import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { CannedLanguage } from "@agents-crm/config/canned-responses";
import type { Db } from "../client/db";
import { conditionalUpdate } from "../lib/conditional-write";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import type { StoredCannedResponse } from "../schemas/canned-response";
import { createCannedResponseClaims, type ShortcutScope } from "./canned-response-claims";
import {
  CANNED_LIST_PK,
  searchText,
  shortcutSort,
  toCannedResponse,
  useSort,
} from "./canned-response-reads";
import type { RepositoryContext } from "./context";

export interface CreateCannedInput {
  shortcut: string;
  content: string;
  agentId?: string;
  language?: CannedLanguage;
  createdBy?: string;
}

/** `null` clears a scope (the response then applies to every agent / language). */
export interface UpdateCannedInput {
  shortcut?: string;
  content?: string;
  agentId?: string | null;
  language?: CannedLanguage | null;
  expectedVersion?: number;
}

const scopeOf = (r: Pick<StoredCannedResponse, "shortcut" | "agentId" | "language">) => ({
  shortcut: r.shortcut,
  agentId: r.agentId,
  language: r.language,
});
const sameScope = (a: ShortcutScope, b: ShortcutScope) =>
  a.shortcut === b.shortcut && a.agentId === b.agentId && a.language === b.language;

const toItem = (r: StoredCannedResponse) => ({
  response_id: r.responseId,
  shortcut: r.shortcut,
  content: r.content,
  agent_id: r.agentId,
  language: r.language,
  use_count: r.useCount,
  last_used_at: r.lastUsedAt,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
  created_by: r.createdBy,
  version: r.version,
  list_pk: CANNED_LIST_PK,
  shortcut_sort: shortcutSort(r),
  use_sort: useSort(r),
  search_text: searchText(r),
});

/**
 * Creating, editing and removing responses, each with its shortcut claim (taken before the response is
 * written, given up after it is gone), and the usage counter.
 */
export function createCannedResponseWrites(
  db: Db,
  ctx: RepositoryContext,
  get: (responseId: string) => Promise<StoredCannedResponse | null>,
) {
  const TableName = db.tables.cannedResponses;
  const claims = createCannedResponseClaims(db, ctx);

  return {
    /** AlreadyExistsError when the shortcut is taken in this scope. */
    async create(input: CreateCannedInput): Promise<StoredCannedResponse> {
      const now = ctx.now().toISOString();
      const response: StoredCannedResponse = {
        responseId: ctx.ulid(),
        shortcut: input.shortcut,
        content: input.content,
        agentId: input.agentId,
        language: input.language,
        useCount: 0,
        createdAt: now,
        updatedAt: now,
        createdBy: input.createdBy,
        version: 1,
      };
      await claims.claim(scopeOf(response), response.responseId);
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: toItem(response),
          ConditionExpression: "attribute_not_exists(response_id)",
        }),
      );
      return response;
    },

    /**
     * Whole-item put over the version read (the usage counter is carried over by the condition: a use in
     * between bumps nothing but `use_count`, so it is re-read and retried). A new shortcut or scope is
     * claimed first and the old one released after.
     */
    async update(responseId: string, input: UpdateCannedInput): Promise<StoredCannedResponse> {
      for (let attempt = 0; ; attempt++) {
        const current = await get(responseId);
        if (!current) throw new NotFoundError("canned response", responseId);
        if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
          throw new VersionConflictError("canned response", responseId, input.expectedVersion);
        const next: StoredCannedResponse = {
          ...current,
          shortcut: input.shortcut ?? current.shortcut,
          content: input.content ?? current.content,
          agentId: input.agentId === null ? undefined : (input.agentId ?? current.agentId),
          language: input.language === null ? undefined : (input.language ?? current.language),
          updatedAt: ctx.now().toISOString(),
          version: current.version + 1,
        };
        const moved = !sameScope(scopeOf(current), scopeOf(next));
        if (moved) await claims.claim(scopeOf(next), responseId);
        try {
          await db.doc.send(
            new PutCommand({
              TableName,
              Item: toItem(next),
              ConditionExpression: "version = :read AND use_count = :uses",
              ExpressionAttributeValues: { ":read": current.version, ":uses": current.useCount },
            }),
          );
        } catch (error) {
          if (moved) await claims.release(scopeOf(next), responseId);
          if (!isConditionalCheckFailed(error) || attempt >= 4) throw error;
          continue;
        }
        if (moved) await claims.release(scopeOf(current), responseId);
        return next;
      }
    },

    /** The response removed (and its shortcut freed), or null when there was none. */
    async delete(responseId: string): Promise<StoredCannedResponse | null> {
      const out = await db.doc
        .send(
          new DeleteCommand({
            TableName,
            Key: { response_id: responseId },
            ConditionExpression: "list_pk = :pk",
            ExpressionAttributeValues: { ":pk": CANNED_LIST_PK },
            ReturnValues: "ALL_OLD",
          }),
        )
        .catch((error: unknown) => {
          if (isConditionalCheckFailed(error)) return { Attributes: undefined };
          throw error;
        });
      if (!out.Attributes) return null;
      const removed = toCannedResponse(out.Attributes);
      await claims.release(scopeOf(removed), responseId);
      return removed;
    },

    /**
     * One use: an atomic ADD, so concurrent uses all count. The use-index key follows in a second write
     * that only the holder of the newest count can make, so it never goes back to an older count.
     */
    async recordUse(responseId: string): Promise<StoredCannedResponse | null> {
      const out = await conditionalUpdate(db, {
        TableName,
        Key: { response_id: responseId },
        UpdateExpression: "ADD use_count :one SET last_used_at = :now",
        ConditionExpression: "list_pk = :pk",
        ExpressionAttributeValues: {
          ":one": 1,
          ":now": ctx.now().toISOString(),
          ":pk": CANNED_LIST_PK,
        },
        ReturnValues: "ALL_NEW",
      });
      if (!out?.Attributes) return null;
      const used = toCannedResponse(out.Attributes);
      await conditionalUpdate(db, {
        TableName,
        Key: { response_id: responseId },
        UpdateExpression: "SET use_sort = :sort",
        ConditionExpression: "use_count = :count",
        ExpressionAttributeValues: { ":sort": useSort(used), ":count": used.useCount },
      });
      return used;
    },
  };
}
