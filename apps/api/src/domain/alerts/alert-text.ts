import type { Conversation } from "@agents-crm/db";
import type { EscalationNotification } from "../conversations/events";

export interface AlertFacts {
  conversation: Conversation;
  agentName: string;
  reason: string;
  escalationType: string;
  /** Minutes nobody took over, for a re-alert. */
  waitingMinutes?: number;
}

/** `${APP_URL}/admin/conversations/<id>`, or null without APP_URL: no hard-coded domain. */
export function conversationLink(
  appUrl: string | undefined,
  conversationId: string,
): string | null {
  if (!appUrl) return null;
  return `${appUrl.replace(/\/+$/, "")}/admin/conversations/${encodeURIComponent(conversationId)}`;
}

/** Plain text (no parse_mode): a reason written by the model cannot break the markup. */
export function telegramAlertText(facts: AlertFacts, link: string | null): string {
  const { conversation } = facts;
  const heading =
    facts.waitingMinutes === undefined
      ? "🚨 A conversation needs a human"
      : `⏰ Still waiting for a human (${facts.waitingMinutes} min)`;
  return [
    heading,
    `Agent: ${facts.agentName}`,
    `Reason: ${facts.reason}`,
    `Type: ${facts.escalationType}`,
    `Channel: ${conversation.channel}`,
    `Conversation: ${conversation.conversationId}`,
    ...(link ? [link] : []),
  ].join("\n");
}

export function browserNotification(facts: AlertFacts): EscalationNotification {
  const id = facts.conversation.conversationId;
  return {
    title:
      facts.waitingMinutes === undefined
        ? "A conversation needs a human"
        : `Still waiting for a human (${facts.waitingMinutes} min)`,
    body: `${facts.agentName}: ${facts.reason}`,
    url: `/admin/conversations/${encodeURIComponent(id)}`,
    tag: `escalation-${id}`,
  };
}
