import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import type { Conversation } from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import { conversationFromItem } from "./conversation-item";

/** DynamoDB's per-call limit for BatchGetItem. */
const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;

/** Conversations by id in one BatchGetItem per 100 (search hits), in the order asked; gone ones left out. */
export function createConversationBatchGet(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.conversations;
  return async (ids: readonly string[]): Promise<Conversation[]> => {
    const found = new Map<string, Conversation>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] = unique
        .slice(start, start + BATCH_GET_LIMIT)
        .map((id) => ({ conversation_id: id }));
      for (let round = 0; keys.length > 0 && round < MAX_ROUNDS; round++) {
        const out = await db.doc.send(
          new BatchGetCommand({
            RequestItems: { [TableName]: { Keys: keys, ConsistentRead: true } },
          }),
        );
        for (const item of out.Responses?.[TableName] ?? []) {
          const conversation = conversationFromItem(item, ctx.now);
          if (conversation) found.set(conversation.conversationId, conversation);
        }
        keys = (out.UnprocessedKeys?.[TableName]?.Keys ?? []) as Record<string, unknown>[];
      }
      if (keys.length > 0) throw new Error(`conversations: ${keys.length} keys still unprocessed`);
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  };
}
