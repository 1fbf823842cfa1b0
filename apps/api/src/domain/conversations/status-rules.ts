import type { ConversationStatus } from "@agents-crm/config/conversations";
import { stopAiAfterHandoff, type AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation } from "@agents-crm/db";

/** Where every conversation starts: the AI answers. */
export const INITIAL_STATUS = "AI_ACTIVE" satisfies ConversationStatus;

interface TransitionRule {
  /** The statuses the transition applies to. */
  from: readonly ConversationStatus[];
  to: ConversationStatus;
  /** Statuses in which asking for it changes nothing and is no error; in all others it is refused. */
  unchanged: readonly ConversationStatus[];
}

/**
 * Every way a conversation's status changes. Staff asking for what the status does not allow are refused
 * (the console shows why); the AI or a worker finding a human already involved changes nothing (the
 * human wins). A new transition (an assignment, say) is a row here and a function in status-machine.ts.
 */
export const STATUS_TRANSITIONS = {
  /** The AI or the safety net asks for a human (a declared escalation, an unreadable message). */
  escalate: {
    from: ["AI_ACTIVE"],
    to: "NEEDS_HUMAN",
    unchanged: ["NEEDS_HUMAN", "HUMAN_ACTIVE", "RESOLVED", "CLOSED"],
  },
  /** A human takes over, from the AI, an escalation waiting for one, or a resolved conversation. */
  handoff: { from: ["AI_ACTIVE", "NEEDS_HUMAN", "RESOLVED"], to: "HUMAN_ACTIVE", unchanged: [] },
  /** Replying is taking over (a resolved conversation too); one a human handles already stays as it is. */
  takeOverByReply: {
    from: ["AI_ACTIVE", "NEEDS_HUMAN", "RESOLVED"],
    to: "HUMAN_ACTIVE",
    unchanged: ["HUMAN_ACTIVE"],
  },
  /** Back to the AI; it answers the next customer message, with the staff's messages in its history. */
  returnToAi: { from: ["NEEDS_HUMAN", "HUMAN_ACTIVE"], to: "AI_ACTIVE", unchanged: [] },
  /** Done for now: out of the queue and re-alerts; the customer's next message reopens it (below). */
  resolve: {
    from: ["AI_ACTIVE", "NEEDS_HUMAN", "HUMAN_ACTIVE"],
    to: "RESOLVED",
    unchanged: [],
  },
  /**
   * A customer message to a resolved conversation: the AI answers it as usual. Open ones stay as they
   * are; a closed one too (the web chat refuses it first, a channel starts a new conversation).
   */
  reopen: {
    from: ["RESOLVED"],
    to: "AI_ACTIVE",
    unchanged: ["AI_ACTIVE", "NEEDS_HUMAN", "HUMAN_ACTIVE", "CLOSED"],
  },
  /** Closed for good: the web chat refuses new messages; a channel's next message starts a new one. */
  close: {
    from: ["AI_ACTIVE", "NEEDS_HUMAN", "HUMAN_ACTIVE", "RESOLVED"],
    to: "CLOSED",
    unchanged: [],
  },
} as const satisfies Record<string, TransitionRule>;

export type StatusTransition = keyof typeof STATUS_TRANSITIONS;

/** Why a transition is refused, by the status the conversation is in. */
export const REFUSALS: Record<ConversationStatus, string> = {
  AI_ACTIVE: "Conversation is already handled by the AI",
  NEEDS_HUMAN: "Conversation is waiting for a human",
  HUMAN_ACTIVE: "Conversation is already handled by a human",
  RESOLVED: "Conversation is resolved",
  CLOSED: "Conversation is closed",
};

export type TransitionDecision =
  | { outcome: "apply"; to: ConversationStatus }
  | { outcome: "unchanged" }
  | { outcome: "refused"; message: string };

/** What a transition does to a conversation in `status`. */
export function decideTransition(
  transition: StatusTransition,
  status: ConversationStatus,
): TransitionDecision {
  const rule: TransitionRule = STATUS_TRANSITIONS[transition];
  if (rule.from.includes(status)) return { outcome: "apply", to: rule.to };
  if (rule.unchanged.includes(status)) return { outcome: "unchanged" };
  return { outcome: "refused", message: REFUSALS[status] };
}

/** Whether the customer may still write (the web chat refuses a closed conversation; a resolved one reopens). */
export function acceptsCustomerMessages(status: ConversationStatus): boolean {
  return status !== "CLOSED";
}

/**
 * Whether the AI answers in this state: always while AI_ACTIVE, never once RESOLVED or CLOSED, and while a human is
 * involved (NEEDS_HUMAN, HUMAN_ACTIVE) only if the agent's `handoff.stop_ai_after_handoff` is false.
 */
export function aiMayAnswer(
  conversation: Pick<Conversation, "status">,
  config: AgentConfig,
): boolean {
  switch (conversation.status) {
    case "AI_ACTIVE":
      return true;
    case "NEEDS_HUMAN":
    case "HUMAN_ACTIVE":
      return !stopAiAfterHandoff(config);
    // A customer message reopens a resolved conversation before the AI is asked (status-machine.ts).
    case "RESOLVED":
    case "CLOSED":
      return false;
  }
}
