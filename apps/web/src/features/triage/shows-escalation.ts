import type { ConversationRow } from "~/features/console/types";

/**
 * Whether a row or card shows why the conversation was handed to a human: while it waits for one, and
 * after, as long as the escalation reason is on record.
 */
export function showsEscalation(row: Pick<ConversationRow, "status" | "escalationType">): boolean {
  return row.status === "NEEDS_HUMAN" || row.escalationType !== undefined;
}
