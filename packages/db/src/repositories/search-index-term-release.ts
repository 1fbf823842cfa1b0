import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { batchWriteAll } from "../lib/batch-write";
import { isConditionalCheckFailed } from "../lib/errors";
import { ROOT, reverseKey, termKey } from "./search-index-keys";

type Item = Record<string, unknown>;

interface Holders {
  /** Every term some part of the conversation still holds, with the latest expiry among its holders. */
  expiry: Map<string, number | undefined>;
  key: string | undefined;
  agentId: string | undefined;
}

const later = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? undefined : Math.max(a, b);

/**
 * Taking words back out of a conversation's index entry (an edited or deleted note, a contact renamed).
 * A term item is shared by every message of the conversation that holds the word, so a word is removed
 * only when no other part holds it — the root (ids, names) or another message's reverse item; finding
 * out is a Query of the conversation's own reverse items, never a Scan.
 */
export function createTermRelease(db: Db) {
  const TableName = db.tables.searchIndex;

  async function holders(conversationId: string): Promise<Holders> {
    const expiry = new Map<string, number | undefined>();
    let key: string | undefined;
    let agentId: string | undefined;
    let startKey: Item | undefined;
    do {
      const out = await db.doc.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: "#t = :t",
          ExpressionAttributeNames: { "#t": "term" },
          ExpressionAttributeValues: { ":t": reverseKey("c", conversationId) },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        if (typeof item.key === "string") key ??= item.key;
        if (item.doc === ROOT && typeof item.agent_id === "string") agentId = item.agent_id;
        const until = typeof item.expires_at === "number" ? item.expires_at : undefined;
        for (const term of Array.isArray(item.terms) ? item.terms : []) {
          if (typeof term !== "string") continue;
          expiry.set(term, expiry.has(term) ? later(expiry.get(term), until) : until);
        }
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return { expiry, key, agentId };
  }

  return {
    /**
     * Removes the term items of `candidates` that nothing in the conversation holds any more. Call it
     * after the changed part's reverse item was rewritten (or deleted), so it no longer holds them.
     *
     * The root's `written` claim is withdrawn first: a message indexed from then on writes such a word
     * again instead of trusting an item about to go. One indexed just before may have skipped it on the
     * old claim; the second look after the deletes finds its reverse item and puts the item back.
     */
    async release(conversationId: string, candidates: Iterable<string>): Promise<void> {
      const stale = [...new Set(candidates)];
      if (stale.length === 0) return;
      await db.doc
        .send(
          new UpdateCommand({
            TableName,
            Key: { term: reverseKey("c", conversationId), doc: ROOT },
            UpdateExpression: "DELETE written :stale",
            ConditionExpression: "attribute_exists(written)",
            ExpressionAttributeValues: { ":stale": new Set(stale) },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionalCheckFailed(error)) throw error;
        });
      const before = await holders(conversationId);
      if (!before.key) return;
      const key = before.key;
      const gone = stale.filter((term) => !before.expiry.has(term));
      await batchWriteAll(
        db,
        TableName,
        gone.map((term) => ({ DeleteRequest: { Key: { term: termKey("c", term), doc: key } } })),
      );
      if (gone.length === 0) return;
      const after = await holders(conversationId);
      const raced = gone.filter((term) => after.expiry.has(term));
      await batchWriteAll(
        db,
        TableName,
        raced.map((term) => ({
          PutRequest: {
            Item: {
              term: termKey("c", term),
              doc: key,
              agent_id: after.agentId,
              expires_at: after.expiry.get(term),
            },
          },
        })),
      );
    },
  };
}
