import type { ConversationStatus } from "~/features/console/types";

/** The statuses the API resolves from (status-rules.ts): any open one. */
export const canResolve = (status: ConversationStatus): boolean =>
  status === "AI_ACTIVE" || status === "NEEDS_HUMAN" || status === "HUMAN_ACTIVE";

/** Whether a snooze keeps this conversation out of the queue at `now`. */
export function snoozedAt(row: { status: ConversationStatus; snoozedUntil?: string }, now: number) {
  return (
    row.status === "NEEDS_HUMAN" &&
    row.snoozedUntil !== undefined &&
    Date.parse(row.snoozedUntil) > now
  );
}
