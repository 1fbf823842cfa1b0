import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { AlreadyExistsError, isConditionalCheckFailed } from "../lib/errors";
import type { RepositoryContext } from "./context";

/** Where a shortcut is unique: per agent (or all agents) and language (or all languages). */
export interface ShortcutScope {
  shortcut: string;
  agentId?: string;
  language?: string;
}

/** The claim item's key; `*` stands for "every agent / language" (agent ids never contain it). */
export const claimKey = (scope: ShortcutScope) =>
  `shortcut#${scope.agentId ?? "*"}#${scope.language ?? "*"}#${scope.shortcut}`;

/**
 * A claim left by a create that died between claiming and writing its response is reclaimed only once
 * older than this, so an in-flight create is never mistaken for one.
 */
const STALE_CLAIM_MS = 60_000;

/**
 * One item per shortcut and scope, taken with a conditional put, so two staff saving the same shortcut at
 * once have one winner. It carries no `list_pk`, so it never shows in the lists.
 */
export function createCannedResponseClaims(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.cannedResponses;

  const getItem = async (key: string) =>
    (
      await db.doc.send(
        new GetCommand({ TableName, Key: { response_id: key }, ConsistentRead: true }),
      )
    ).Item;

  const put = async (key: string, responseId: string, condition: string, old?: string) => {
    try {
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: { response_id: key, owner_id: responseId, created_at: ctx.now().toISOString() },
          ConditionExpression: condition,
          ExpressionAttributeValues: { ":me": responseId, ...(old ? { ":old": old } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  };

  return {
    /** Takes the shortcut for `responseId` (idempotent for its own claim); AlreadyExistsError when taken. */
    async claim(scope: ShortcutScope, responseId: string): Promise<void> {
      const key = claimKey(scope);
      if (await put(key, responseId, "attribute_not_exists(response_id) OR owner_id = :me")) return;
      const claim = await getItem(key);
      const owner = typeof claim?.owner_id === "string" ? claim.owner_id : "";
      const age = ctx.now().getTime() - Date.parse(String(claim?.created_at));
      const stale = claim && !(await getItem(owner)) && age > STALE_CLAIM_MS;
      if (stale && (await put(key, responseId, "owner_id = :old", owner))) return;
      throw new AlreadyExistsError("canned response shortcut", `/${scope.shortcut}`);
    },

    /** Gives the shortcut up, only if `responseId` still holds it. */
    async release(scope: ShortcutScope, responseId: string): Promise<void> {
      try {
        await db.doc.send(
          new DeleteCommand({
            TableName,
            Key: { response_id: claimKey(scope) },
            ConditionExpression: "owner_id = :me",
            ExpressionAttributeValues: { ":me": responseId },
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },
  };
}
