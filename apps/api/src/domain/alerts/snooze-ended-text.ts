import type { AlertLanguage } from "@agents-crm/config/notifications";
import { conversationLink } from "./alert-text";

const WORDS = {
  en: {
    ended: (agent: string) => `⏰ A conversation you handle is back from snooze (${agent})`,
    conversation: "Conversation",
  },
  ru: {
    ended: (agent: string) => `⏰ Отложенный диалог снова ждёт вас (${agent})`,
    conversation: "Диалог",
  },
} satisfies Record<AlertLanguage, unknown>;

/** For the assignee's own alert chats when their snoozed conversation wakes; plain text, like the others. */
export function snoozeEndedText(
  facts: { agentName: string; conversationId: string },
  appUrl: string | undefined,
  language: AlertLanguage,
): string {
  const words = WORDS[language];
  const link = conversationLink(appUrl, facts.conversationId);
  return [
    words.ended(facts.agentName),
    `${words.conversation}: ${facts.conversationId}`,
    ...(link ? [link] : []),
  ].join("\n");
}
