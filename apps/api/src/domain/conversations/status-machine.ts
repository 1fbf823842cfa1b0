import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { AuditAction } from "@agents-crm/config/audit-actions";
import { STAFF_HANDOFF_REASONS, type HandoffSummary } from "@agents-crm/config/handoff-summary";
import type { Conversation, ConversationPatch, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import type { EventHub } from "../../realtime/types";
import { recordAudit } from "../audit";
import { preconditionFailed } from "../errors";
import { assigneeOf } from "./assign";
import { emitConversationChanged, emitMessageCreated } from "./emit";
import { endSnooze } from "./snooze";
import type { ConversationChange, StatusNotice } from "./events";
import type { StaffContext } from "./staff-context";
import { decideTransition, STATUS_TRANSITIONS, type StatusTransition } from "./status-rules";
import { conversationView, type ConversationView } from "./views";

/**
 * The one place a conversation's status is written. The rules (which transition applies from which
 * status) are in status-rules.ts; this module applies them to the stored row and owns what follows a
 * change: the AI's turn stopped, the audit entry, the console and visitor events, the escalation alerts.
 */

export interface StatusChange {
  /** The row as the transition found it. */
  before: Conversation;
  /** The row after it (the same row when nothing changed). */
  after: Conversation;
  /** False when the status allowed no change and none was made (a human got there first). */
  changed: boolean;
}

type StatusDeps = Pick<ApiDeps, "repos" | "turns">;

/**
 * Whether the transition changes a conversation in `status`; throws PRECONDITION_FAILED, naming the
 * status, when it is refused. Callers check it up front too, before work the refusal would waste.
 */
export function assertTransitionAllowed(
  transition: StatusTransition,
  status: ConversationStatus,
): "apply" | "unchanged" {
  const decision = decideTransition(transition, status);
  if (decision.outcome === "refused") throw preconditionFailed(decision.message);
  return decision.outcome;
}

/**
 * Applies a transition to the row as stored, through its version: a concurrent change makes the rule
 * run again over the new row, never overwriting it. A refused transition throws PRECONDITION_FAILED.
 * A change stops the turn this process is still computing, so the AI does not answer over it.
 */
async function changeStatus(
  deps: StatusDeps,
  conversationId: string,
  transition: StatusTransition,
  patch: (current: Conversation) => Omit<ConversationPatch, "status">,
): Promise<StatusChange> {
  let before: Conversation | undefined;
  let changed = false;
  const after = await deps.repos.conversations.mutate(conversationId, (current) => {
    before = current;
    changed = assertTransitionAllowed(transition, current.status) === "apply";
    // A snooze belongs to the state it was set in: any status change ends it.
    return changed
      ? { snoozedUntil: null, ...patch(current), status: STATUS_TRANSITIONS[transition].to }
      : undefined;
  });
  if (changed) deps.turns.cancel(conversationId);
  return { before: before ?? after, after, changed };
}

/** What consoles and the web chat visitor are told about a change staff made. */
const ANNOUNCED: Record<
  "handoff" | "takeOverByReply" | "returnToAi" | "close" | "resolve" | "reopen",
  { change: ConversationChange; notice: StatusNotice }
> = {
  handoff: { change: "handoff", notice: "taken_over" },
  takeOverByReply: { change: "taken_over_by_reply", notice: "taken_over" },
  returnToAi: { change: "returned_to_ai", notice: "returned_to_ai" },
  close: { change: "closed", notice: "closed" },
  resolve: { change: "resolved", notice: "resolved" },
  reopen: { change: "reopened", notice: "reopened" },
};

async function announceStaffChange(
  hub: EventHub,
  transition: keyof typeof ANNOUNCED,
  conversation: Conversation,
  actorId: string | null,
): Promise<void> {
  const { change, notice } = ANNOUNCED[transition];
  await emitConversationChanged(hub, conversation, change, { actorId, notice });
}

/** A status change staff asked for in the console: applied, audited with old and new values, announced. */
async function staffTransition(
  ctx: StaffContext,
  conversationId: string,
  transition: "handoff" | "returnToAi" | "close" | "resolve",
  action: AuditAction,
  patch: (current: Conversation) => Omit<ConversationPatch, "status">,
): Promise<ConversationView> {
  const { before, after } = await changeStatus(ctx.deps, conversationId, transition, patch);
  await recordAudit(ctx, {
    action,
    resourceType: "conversation",
    resourceId: conversationId,
    oldValue: {
      status: before.status,
      handoffReason: before.handoffReason ?? null,
      // Stats time escalation → take-over from it (the row's mark is cleared on return to AI).
      needsHumanSince: before.needsHumanSince ?? null,
      assigneeId: before.assigneeId ?? null,
    },
    newValue: {
      status: after.status,
      handoffReason: after.handoffReason ?? null,
      assigneeId: after.assigneeId ?? null,
    },
  });
  await announceStaffChange(ctx.deps.hub, transition, after, ctx.principal.id);
  return conversationView(after);
}

/**
 * A human takes over (from the AI, or an escalation waiting for one), and it is theirs: whoever takes it
 * becomes its assignee, as in Chatwoot (the API token assigns nobody).
 */
export function handoff(ctx: StaffContext, input: { conversationId: string; reason?: string }) {
  const assigneeId = assigneeOf(ctx.principal);
  return staffTransition(ctx, input.conversationId, "handoff", "handoff", (current) => ({
    handoffReason: input.reason ?? current.handoffReason ?? STAFF_HANDOFF_REASONS.manual,
    ...(assigneeId ? { assigneeId } : {}),
  }));
}

/**
 * Back to the AI; it answers the next customer message, with the staff's messages in its history. The
 * assignee stays (as in Chatwoot): the person who handled it is who the customer's next escalation and
 * its re-alerts go to first, and "Mine" still finds it.
 */
export function returnToAi(ctx: StaffContext, input: { conversationId: string }) {
  return staffTransition(ctx, input.conversationId, "returnToAi", "return_to_ai", () => ({
    needsHumanSince: null,
  }));
}

/** Closed for good: the web chat refuses new messages; a channel's next inbound message starts a new one. */
export function closeConversation(ctx: StaffContext, input: { conversationId: string }) {
  return staffTransition(ctx, input.conversationId, "close", "close_conversation", () => ({
    closedAt: new Date().toISOString(),
  }));
}

/**
 * Done for now: out of the needs-human queue and its re-alerts; the customer's next message reopens it
 * to the AI. `resolvedAt` stays through a reopen (the stats' time to resolve reads the audit entries).
 */
export function resolveConversation(ctx: StaffContext, input: { conversationId: string }) {
  return staffTransition(ctx, input.conversationId, "resolve", "resolve", () => ({
    resolvedAt: new Date().toISOString(),
    needsHumanSince: null,
  }));
}

/** Who the audit log names for what the product does by itself (a customer's message reopening). */
export const SYSTEM_ACTOR = { id: "system", name: "System" } as const;

/**
 * The customer wrote (web chat, or any channel's text or media): a resolved conversation reopens to the
 * AI, which answers as usual, audited and announced as the system's `reopen`; a snoozed one wakes up
 * (snooze.ts). Returns the row the message should be handled with.
 */
export async function customerWrote(
  deps: StatusDeps & Pick<ApiDeps, "hub">,
  conversation: Conversation,
  requestId = "customer-message",
): Promise<Conversation> {
  if (conversation.snoozedUntil !== undefined) {
    return (await endSnooze(deps, conversation)) ?? conversation;
  }
  if (conversation.status !== "RESOLVED") return conversation;
  const { before, after, changed } = await changeStatus(
    deps,
    conversation.conversationId,
    "reopen",
    () => ({ handoffReason: null, escalationType: null, handoffSummary: null }),
  );
  if (!changed) return after;
  await deps.repos.audit.append({
    actorId: SYSTEM_ACTOR.id,
    actorName: SYSTEM_ACTOR.name,
    action: "reopen",
    resourceType: "conversation",
    resourceId: conversation.conversationId,
    oldValue: { status: before.status },
    newValue: { status: after.status },
    requestId,
    metadata: { trigger: "customer_message" },
  });
  await announceStaffChange(deps.hub, "reopen", after, null);
  return after;
}

/**
 * Replying is taking over: a conversation with the AI or waiting for a human becomes HUMAN_ACTIVE, so
 * the AI does not answer the customer's next message over the human and the escalation stops
 * re-alerting. `conversation` is the row the reply was checked against; one a human handles already is
 * not written again. The reply's own audit entry records the change (see staff-reply.ts). Taking over
 * by replying assigns the conversation to `assigneeId` (the replier), as taking over does.
 */
export async function takeOverByReply(
  deps: StatusDeps,
  conversation: Conversation,
  assigneeId?: string,
): Promise<StatusChange> {
  if (assertTransitionAllowed("takeOverByReply", conversation.status) === "unchanged") {
    return { before: conversation, after: conversation, changed: false };
  }
  return changeStatus(deps, conversation.conversationId, "takeOverByReply", (current) => ({
    handoffReason: current.handoffReason ?? STAFF_HANDOFF_REASONS.staffReplied,
    ...(assigneeId ? { assigneeId } : {}),
  }));
}

/** Tells consoles and the visitor that a staff reply took the conversation over. */
export function announceTakeOverByReply(
  hub: EventHub,
  conversation: Conversation,
  actorId: string,
): Promise<void> {
  return announceStaffChange(hub, "takeOverByReply", conversation, actorId);
}

/** Why a conversation waits for a human; `type` is an escalation type of the agent config, or "custom". */
export interface Escalation {
  reason: string;
  type: string;
  /** The lines staff read about it; a later escalation without one clears the earlier one's. */
  summary?: HandoffSummary | null;
}

/**
 * The AI (a declared escalation) or a worker (a message the agent cannot read) asks for a human: only
 * over AI_ACTIVE, so a human who took over meanwhile keeps the conversation (`changed` is then false).
 */
export function escalate(
  deps: StatusDeps,
  conversationId: string,
  escalation: Escalation,
): Promise<StatusChange> {
  return changeStatus(deps, conversationId, "escalate", () => ({
    handoffReason: escalation.reason,
    escalationType: escalation.type,
    handoffSummary: escalation.summary ?? null,
    needsHumanSince: new Date().toISOString(),
  }));
}

/**
 * Once the message that tells the customer is stored: the message to the consoles (and the web chat),
 * then, when this escalation changed the status (`escalation` given), the alerts: the admin event with
 * notification data, the visitor's status notice and the Telegram alert chats.
 */
export async function announceEscalation(
  deps: Pick<ApiDeps, "hub" | "alerts">,
  conversation: Conversation,
  message: Message,
  escalation: Escalation | null,
): Promise<void> {
  await emitMessageCreated(deps.hub, conversation, message);
  if (!escalation) return;
  await deps.alerts.escalated(conversation, {
    reason: escalation.reason,
    escalationType: escalation.type,
    summary: escalation.summary ?? null,
  });
}
