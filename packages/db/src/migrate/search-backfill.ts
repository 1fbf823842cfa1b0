import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import type { Message } from "../schemas/message";
import type { Repositories } from "../repositories";

export interface SearchBackfillReport {
  conversations: number;
  messages: number;
  /** Index items written (term items, reverse items, roots). */
  items: number;
}

const MESSAGES_PER_READ = 500;

/**
 * Indexes every stored conversation and its messages (notes included) for search: for data written
 * before the index existed. Walks the conversations table with Scan — an operator command, never a
 * request path — and is safe to re-run (writes are idempotent puts).
 */
export async function backfillSearchIndex(
  db: Db,
  repos: Pick<Repositories, "conversations" | "messages" | "searchIndex">,
  options: { log?: (line: string) => void } = {},
): Promise<SearchBackfillReport> {
  const report: SearchBackfillReport = { conversations: 0, messages: 0, items: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new ScanCommand({
        TableName: db.tables.conversations,
        ProjectionExpression: "conversation_id",
        // Find-or-create lookup pointers share the table; only conversations have an agent.
        FilterExpression: "attribute_exists(agent_id)",
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) {
      const conversation = await repos.conversations.get(String(item.conversation_id));
      if (!conversation) continue;
      const messages: Message[] = [];
      let cursor: string | null = null;
      do {
        const page = await repos.messages.page(conversation.conversationId, {
          includeNotes: true,
          limit: MESSAGES_PER_READ,
          cursor,
        });
        messages.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      report.items += await repos.searchIndex.indexHistory(conversation, messages);
      report.conversations += 1;
      report.messages += messages.length;
    }
    startKey = out.LastEvaluatedKey;
    options.log?.(`${report.conversations} conversations, ${report.messages} messages indexed`);
  } while (startKey);
  return report;
}
