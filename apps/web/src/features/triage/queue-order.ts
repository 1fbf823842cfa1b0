import { triagePriorityRank } from "@agents-crm/config/triage";
import type { ConversationRow } from "~/features/console/types";

type Queued = Pick<
  ConversationRow,
  "conversationId" | "escalationType" | "needsHumanSince" | "lastActivityAt"
>;

/** The server's queue key (`${rank}#${needsHumanSince}#${id}`), so live rows land where pages put them. */
const queueKey = (row: Queued) =>
  `${triagePriorityRank(row.escalationType)}#${row.needsHumanSince ?? row.lastActivityAt}#${row.conversationId}`;

/** The needs-human queue's order: most urgent first, then longest waiting. */
export function compareQueued(a: Queued, b: Queued): number {
  const ka = queueKey(a);
  const kb = queueKey(b);
  return ka === kb ? 0 : ka < kb ? -1 : 1;
}
