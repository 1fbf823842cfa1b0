import type { Channel } from "@agents-crm/config/channels";
import { CONVERSATION_STATUSES, type ConversationStatus } from "@agents-crm/config/conversations";
import type { ApiDeps } from "../../deps";

/** Per status (NEEDS_HUMAN without the snoozed ones), and the snoozed ones on their own. */
export type ConversationCounts = Record<ConversationStatus, number> & { SNOOZED: number };

/**
 * Exact totals per status for the console's counters: one Select COUNT query per status through the
 * agent or status index (never a Scan), expired conversations left out; only the numbers travel.
 */
export async function conversationCounts(
  deps: Pick<ApiDeps, "repos">,
  filters: { agentId?: string; channel?: Channel },
): Promise<ConversationCounts> {
  const count = (status: ConversationStatus, snoozed?: boolean) =>
    deps.repos.conversations.count({ ...filters, status, snoozed });
  const counted = await Promise.all(
    CONVERSATION_STATUSES.map(
      async (status) =>
        [status, await count(status, status === "NEEDS_HUMAN" ? false : undefined)] as const,
    ),
  );
  const SNOOZED = await count("NEEDS_HUMAN", true);
  return { ...(Object.fromEntries(counted) as Record<ConversationStatus, number>), SNOOZED };
}
