import type { Channel } from "@agents-crm/config/channels";
import {
  CONVERSATION_STATUSES,
  SNOOZABLE_STATUSES,
  isSnoozable,
  type ConversationStatus,
} from "@agents-crm/config/conversations";
import type { ApiDeps } from "../../deps";

/** Per status (NEEDS_HUMAN and HUMAN_ACTIVE without the snoozed ones), and the snoozed ones on their own. */
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
        [status, await count(status, isSnoozable(status) ? false : undefined)] as const,
    ),
  );
  const snoozed = await Promise.all(SNOOZABLE_STATUSES.map((status) => count(status, true)));
  const SNOOZED = snoozed.reduce((sum, n) => sum + n, 0);
  return { ...(Object.fromEntries(counted) as Record<ConversationStatus, number>), SNOOZED };
}
