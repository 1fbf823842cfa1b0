import type { Channel } from "@agents-crm/config/channels";
import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { ApiDeps } from "../../deps";

export type ConversationCounts = Record<ConversationStatus, number>;

/**
 * Exact totals per status for the console's counters: one Select COUNT query per status through the
 * agent or status index (never a Scan), expired conversations left out; only the numbers travel.
 */
export async function conversationCounts(
  deps: Pick<ApiDeps, "repos">,
  filters: { agentId?: string; channel?: Channel },
): Promise<ConversationCounts> {
  const count = (status: ConversationStatus) =>
    deps.repos.conversations.count({ ...filters, status });
  const [NEEDS_HUMAN, HUMAN_ACTIVE, AI_ACTIVE, CLOSED] = await Promise.all([
    count("NEEDS_HUMAN"),
    count("HUMAN_ACTIVE"),
    count("AI_ACTIVE"),
    count("CLOSED"),
  ]);
  return { NEEDS_HUMAN, HUMAN_ACTIVE, AI_ACTIVE, CLOSED };
}
