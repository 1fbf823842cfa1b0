import { MAX_SNOOZE_DAYS, isSnoozable } from "@agents-crm/config/conversations";
import type { Conversation, Repositories } from "@agents-crm/db";
import type { EventHub } from "../../realtime/types";
import { recordAudit } from "../audit";
import { invalidInput, preconditionFailed } from "../errors";
import { emitConversationChanged } from "./emit";
import type { StaffContext } from "./staff-context";
import { conversationView, type ConversationView } from "./views";

const DAY_MS = 24 * 3600 * 1000;

/** Why `until` is refused at `now`, or null when it is a time a snooze may end. */
export function snoozeUntilProblem(until: Date, now: Date): string | null {
  if (Number.isNaN(until.getTime())) return "must be a date and time";
  if (until.getTime() <= now.getTime()) return "must be in the future";
  if (until.getTime() > now.getTime() + MAX_SNOOZE_DAYS * DAY_MS) {
    return `must be at most ${MAX_SNOOZE_DAYS} days ahead`;
  }
  return null;
}

/**
 * Takes a conversation a human owns (waiting for one, or handled by one) out of its queue, its counts
 * and its re-alerts until `until` (or brings it back at once with `until: null`). The customer writing
 * or the time passing ends it, in the status it had; a take-over or any other status change ends it too
 * (status-machine.ts).
 */
export async function snoozeConversation(
  ctx: StaffContext,
  input: { conversationId: string; until: Date | null },
): Promise<ConversationView> {
  const until = input.until && input.until.toISOString();
  if (input.until) {
    const problem = snoozeUntilProblem(input.until, new Date());
    if (problem) throw invalidInput(["until"], problem);
  }
  let before: Conversation | undefined;
  const after = await ctx.deps.repos.conversations.mutate(input.conversationId, (current) => {
    before = current;
    if (!isSnoozable(current.status)) {
      throw preconditionFailed(
        "Only a conversation waiting for a human or handled by one can be snoozed",
      );
    }
    return (current.snoozedUntil ?? null) === until ? undefined : { snoozedUntil: until };
  });
  await recordAudit(ctx, {
    action: "snooze",
    resourceType: "conversation",
    resourceId: input.conversationId,
    oldValue: { snoozedUntil: before?.snoozedUntil ?? null },
    newValue: { snoozedUntil: after.snoozedUntil ?? null },
  });
  await emitConversationChanged(ctx.deps.hub, after, until ? "snoozed" : "snooze_ended", {
    actorId: ctx.principal.id,
  });
  return conversationView(after);
}

/**
 * Ends a snooze (its time passed, or the customer wrote): cleared only if it is still the snooze that
 * was read, so two replicas sweeping at once end it once. Returns the row after, or null when another
 * process got there first.
 */
export async function endSnooze(
  deps: { repos: Pick<Repositories, "conversations">; hub: EventHub },
  conversation: Conversation,
): Promise<Conversation | null> {
  const snoozed = conversation.snoozedUntil;
  if (snoozed === undefined) return null;
  let ended = false;
  const after = await deps.repos.conversations.mutate(conversation.conversationId, (current) => {
    ended = current.snoozedUntil === snoozed;
    return ended ? { snoozedUntil: null } : undefined;
  });
  if (!ended) return null;
  await emitConversationChanged(deps.hub, after, "snooze_ended", { actorId: null });
  return after;
}
