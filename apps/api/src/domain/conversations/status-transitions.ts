import type { AuditAction } from "@agents-crm/config/audit-actions";
import { TRPCError } from "@trpc/server";
import type { Conversation, ConversationPatch, ConversationStatus } from "@agents-crm/db";
import { recordAudit } from "../audit";
import { emitConversationChanged } from "./emit";
import type { ConversationChange, StatusNotice } from "./events";
import type { StaffContext } from "./staff-context";
import { conversationView, type ConversationView } from "./views";

const REFUSALS: Record<ConversationStatus, string> = {
  AI_ACTIVE: "Conversation is already handled by the AI",
  NEEDS_HUMAN: "Conversation is waiting for a human",
  HUMAN_ACTIVE: "Conversation is already handled by a human",
  CLOSED: "Conversation is closed",
};

interface Transition {
  action: AuditAction;
  change: ConversationChange;
  notice: StatusNotice;
  from: readonly ConversationStatus[];
  patch(current: Conversation): ConversationPatch;
}

/**
 * A status change by staff: checked against the state it applies to and written through the row's
 * version (a concurrent escalation or handoff is re-read, never overwritten), then audited and announced.
 */
async function transition(
  ctx: StaffContext,
  conversationId: string,
  spec: Transition,
): Promise<ConversationView> {
  const { deps } = ctx;
  let before: Conversation | undefined;
  const after = await deps.repos.conversations.mutate(conversationId, (current) => {
    if (!spec.from.includes(current.status)) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: REFUSALS[current.status] });
    }
    before = current;
    return spec.patch(current);
  });
  // The AI must not answer over the human: stop a turn this process is still computing.
  deps.turns.cancel(conversationId);
  await recordAudit(ctx, {
    action: spec.action,
    resourceType: "conversation",
    resourceId: conversationId,
    oldValue: { status: before?.status, handoffReason: before?.handoffReason ?? null },
    newValue: { status: after.status, handoffReason: after.handoffReason ?? null },
  });
  await emitConversationChanged(deps.hub, after, spec.change, {
    actorId: ctx.principal.id,
    notice: spec.notice,
  });
  return conversationView(after);
}

/** A human takes over (from the AI, or an escalation waiting for one). */
export function handoff(ctx: StaffContext, input: { conversationId: string; reason?: string }) {
  return transition(ctx, input.conversationId, {
    action: "handoff",
    change: "handoff",
    notice: "taken_over",
    from: ["AI_ACTIVE", "NEEDS_HUMAN"],
    patch: (current) => ({
      status: "HUMAN_ACTIVE",
      handoffReason: input.reason ?? current.handoffReason ?? "Manual handoff",
    }),
  });
}

/** Back to the AI; it answers the next customer message, with the staff's messages in its history. */
export function returnToAi(ctx: StaffContext, input: { conversationId: string }) {
  return transition(ctx, input.conversationId, {
    action: "return_to_ai",
    change: "returned_to_ai",
    notice: "returned_to_ai",
    from: ["NEEDS_HUMAN", "HUMAN_ACTIVE"],
    patch: () => ({ status: "AI_ACTIVE", needsHumanSince: null }),
  });
}

/** Closed for good: the web chat refuses new messages; a channel's next inbound message starts a new one. */
export function closeConversation(ctx: StaffContext, input: { conversationId: string }) {
  return transition(ctx, input.conversationId, {
    action: "close_conversation",
    change: "closed",
    notice: "closed",
    from: ["AI_ACTIVE", "NEEDS_HUMAN", "HUMAN_ACTIVE"],
    patch: () => ({ status: "CLOSED", closedAt: new Date().toISOString() }),
  });
}
