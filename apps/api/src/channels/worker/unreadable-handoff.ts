import { detectCustomerLanguage, unreadableMessageText } from "@agents-crm/ai";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { emitMessageCreated } from "../../domain/conversations/emit";

const ESCALATION_TYPE = "custom";

/**
 * A message the agent cannot read (photo, voice, sticker, …) on an agent configured with
 * `on_unreadable_message: handoff`: the conversation waits for a human (only from AI_ACTIVE, through the
 * row's version, so a concurrent takeover wins) and the customer is told so in their language.
 * Returns the stored notice (pending delivery), or null when the conversation was not the AI's.
 */
export async function handOffUnreadable(
  deps: ApiDeps,
  conversation: Conversation,
  config: AgentConfig,
  message: Message,
  details: { label: string; earlierCustomerTexts: string[] },
): Promise<Message | null> {
  const id = conversation.conversationId;
  const reason = `The customer sent a ${details.label} the agent cannot read`;
  let escalatedNow = false;
  const latest = await deps.repos.conversations.mutate(id, (current) => {
    escalatedNow = current.status === "AI_ACTIVE";
    if (!escalatedNow) return undefined;
    return {
      status: "NEEDS_HUMAN",
      handoffReason: reason,
      escalationType: ESCALATION_TYPE,
      needsHumanSince: new Date().toISOString(),
    };
  });
  if (!escalatedNow) return null;
  deps.turns.cancel(id);
  const language = detectCustomerLanguage(
    [],
    details.earlierCustomerTexts,
    config.profile.languages,
  );
  const text = unreadableMessageText(config, language);
  const notice = await deps.repos.messages.append({
    conversationId: id,
    agentId: latest.agentId,
    role: "agent",
    content: text,
    channel: latest.channel,
    deliveryStatus: "pending",
    metadata: {
      answers: [message.messageId],
      template: "unreadable_message_handoff",
      escalation: { type: ESCALATION_TYPE, reason, source: "unreadable_message" },
    },
  });
  const touched = (await deps.repos.conversations.touchActivity(id, { preview: text })) ?? latest;
  await emitMessageCreated(deps.hub, touched, notice);
  await deps.alerts.escalated(touched, { reason, escalationType: ESCALATION_TYPE });
  return notice;
}
