import { detectCustomerLanguage, unreadableMessageText } from "@agents-crm/ai";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { HandoffSummary } from "@agents-crm/config/handoff-summary";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import {
  announceEscalation,
  escalate,
  type Escalation,
} from "../../domain/conversations/status-machine";
import { storeAgentMessage } from "../../domain/turns/agent-message";

/** The escalation type of a message the agent cannot read. */
export const UNREADABLE_ESCALATION_TYPE = "unreadable_message";

/**
 * A message the agent cannot read (photo, voice, sticker, …) on an agent configured with
 * `on_unreadable_message: handoff`: the conversation waits for a human (an escalation, so a concurrent
 * takeover wins) and the customer is told so in their language.
 * Returns the stored notice (pending delivery), or null when the conversation was not the AI's.
 */
export async function handOffUnreadable(
  deps: ApiDeps,
  conversation: Conversation,
  config: AgentConfig,
  message: Message,
  /** `kind`: the message's kind (photo, voice, file, …), for the console to word the reason. */
  details: {
    kind: string;
    label: string;
    earlierCustomerTexts: string[];
    /** The customer messages the notice answers (default: this one), e.g. a burst it ends. */
    answers?: string[];
  },
): Promise<Message | null> {
  const reason = `The customer sent a ${details.label} the agent cannot read`;
  const summary: HandoffSummary = {
    want: "",
    why: reason,
    contacts: [],
    by: "rules",
    cause: { code: "unreadable_message", kind: details.kind },
  };
  // Its own type (not an agent's "custom" rule), so staff and the stats tell it apart.
  const escalation: Escalation = { reason, type: UNREADABLE_ESCALATION_TYPE, summary };
  const { after: latest, changed } = await escalate(deps, conversation.conversationId, escalation);
  if (!changed) return null;
  const language = detectCustomerLanguage(
    [],
    details.earlierCustomerTexts,
    config.profile.languages,
  );
  const stored = await storeAgentMessage(deps, latest, {
    content: unreadableMessageText(config, language),
    metadata: {
      answers: details.answers ?? [message.messageId],
      template: "unreadable_message_handoff",
      escalation: {
        type: escalation.type,
        reason: escalation.reason,
        source: "unreadable_message",
        summary,
      },
    },
  });
  await announceEscalation(deps, stored.conversation, stored.message, escalation);
  return stored.message;
}
