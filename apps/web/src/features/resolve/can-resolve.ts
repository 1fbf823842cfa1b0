import { isSnoozable } from "@agents-crm/config/conversations";
import type { ConversationStatus } from "~/features/console/types";

/** The statuses the API resolves from (status-rules.ts): any open one. */
export const canResolve = (status: ConversationStatus): boolean =>
  status === "AI_ACTIVE" || status === "NEEDS_HUMAN" || status === "HUMAN_ACTIVE";

/** Whether a snooze keeps this conversation out of the queue at `now`. */
export function snoozedAt(row: { status: ConversationStatus; snoozedUntil?: string }, now: number) {
  return (
    isSnoozable(row.status) && row.snoozedUntil !== undefined && Date.parse(row.snoozedUntil) > now
  );
}
