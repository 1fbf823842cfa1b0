import { causeWords } from "@agents-crm/config/handoff-cause-words";
import { handoffSummaryLines, type HandoffSummary } from "@agents-crm/config/handoff-summary";
import type { AlertLanguage } from "@agents-crm/config/notifications";
import type { Conversation } from "@agents-crm/db";
import { ALERT_WORDS } from "./alert-words";
import type { EscalationNotification } from "../conversations/events";

export interface AlertFacts {
  conversation: Conversation;
  agentName: string;
  reason: string;
  escalationType: string;
  summary?: HandoffSummary | null;
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

/** What the customer wants and the contacts they shared, in the chat's words (the reason has its own line). */
function summaryLines(
  summary: HandoffSummary | null | undefined,
  language: AlertLanguage,
): string[] {
  if (!summary) return [];
  return handoffSummaryLines({ ...summary, why: "" }, ALERT_WORDS[language].summary);
}

/** The reason in the chat's language when the rules named its cause (safety net, keyword, …). */
function reasonIn(
  reason: string,
  summary: HandoffSummary | null | undefined,
  language: AlertLanguage,
): string {
  return summary?.cause ? causeWords(summary.cause, language) : reason;
}

/** Plain text (no parse_mode): a reason written by the model cannot break the markup. */
export function telegramAlertText(
  facts: AlertFacts,
  link: string | null,
  language: AlertLanguage = "en",
): string {
  const { conversation } = facts;
  const words = ALERT_WORDS[language];
  const heading =
    facts.waitingMinutes === undefined ? words.escalated : words.stillWaiting(facts.waitingMinutes);
  return [
    heading,
    `${words.agent}: ${facts.agentName}`,
    ...summaryLines(facts.summary, language),
    `${words.reason}: ${reasonIn(facts.reason, facts.summary, language)}`,
    `${words.type}: ${words.types[facts.escalationType] ?? facts.escalationType}`,
    `${words.channel}: ${words.channels[conversation.channel] ?? conversation.channel}`,
    `${words.conversation}: ${conversation.conversationId}`,
    ...(link ? [link] : []),
  ].join("\n");
}

/** The "send test" message: proves the bot can write to the chat, in the chat's language. */
export function testAlertText(
  language: AlertLanguage,
  appName: string,
  agentIds: readonly string[],
): string {
  return ALERT_WORDS[language].test(appName, agentIds.length === 0 ? null : agentIds.join(", "));
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

/** To the assignee's own alert chat: who assigned what, and the link. */
export function assignmentAlertText(
  facts: Pick<AlertFacts, "conversation" | "agentName"> & { actorName: string },
  link: string | null,
  language: AlertLanguage = "en",
): string {
  const words = ALERT_WORDS[language];
  const { conversation } = facts;
  return [
    words.assignedToYou(facts.actorName),
    `${words.agent}: ${facts.agentName}`,
    ...(conversation.handoffReason
      ? [
          `${words.reason}: ${reasonIn(conversation.handoffReason, conversation.handoffSummary, language)}`,
        ]
      : []),
    `${words.channel}: ${words.channels[conversation.channel] ?? conversation.channel}`,
    `${words.conversation}: ${conversation.conversationId}`,
    ...(link ? [link] : []),
  ].join("\n");
}
