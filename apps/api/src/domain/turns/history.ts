import type { HistoryMessage } from "@agents-crm/ai";
import type { Message, Repositories } from "@agents-crm/db";
import { textForModel } from "./media-text";

// Customer messages that arrived after the batch (queued for the next turn) are read too and dropped.
const LOOKAHEAD = 20;

/**
 * Exactly the last `limit` messages before a batch of customer messages (the agent's
 * `llm.max_history_messages`), oldest first, the admins' included (the reference dropped them).
 */
export async function loadHistory(
  repos: Pick<Repositories, "messages">,
  conversationId: string,
  batch: readonly Message[],
  limit: number,
  prefetched?: readonly Message[],
): Promise<HistoryMessage[]> {
  if (limit <= 0) return [];
  const ids = new Set(batch.map((message) => message.messageId));
  const last = batch[batch.length - 1]?.messageId ?? "";
  const recent = prefetched ?? (await readRecent(repos, conversationId, limit, batch.length));
  return (
    recent
      // Staff notes are never the model's to read (the repository leaves them out too).
      .filter((m) => !ids.has(m.messageId) && m.role !== "system" && m.role !== "note")
      // Customer messages after the batch wait for the next turn; replies stored meanwhile (to an earlier
      // turn that was still writing when this batch arrived) are history.
      .filter((m) => m.role !== "user" || m.messageId < last)
      .slice(-limit)
      .map((m) => ({
        role: m.role as HistoryMessage["role"],
        content: textForModel(m),
        timestamp: m.timestamp,
      }))
  );
}

/** What `loadHistory` needs from storage; readable before the batch is stored (it filters the batch out). */
export function readRecent(
  repos: Pick<Repositories, "messages">,
  conversationId: string,
  limit: number,
  batchSize: number,
): Promise<Message[]> {
  if (limit <= 0) return Promise.resolve([]);
  return repos.messages.lastN(conversationId, limit + batchSize + LOOKAHEAD);
}
