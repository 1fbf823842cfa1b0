import type { AlertLanguage } from "@agents-crm/config/notifications";
import { conversationLink } from "../alerts/alert-text";

const WORDS = {
  en: {
    mentioned: (author: string) => `📝 ${author} mentioned you in a note`,
    conversation: "Conversation",
  },
  ru: {
    mentioned: (author: string) => `📝 ${author} упоминает вас в заметке`,
    conversation: "Диалог",
  },
} satisfies Record<AlertLanguage, unknown>;

/** Long notes are cut: the chat message points to the conversation, where the whole note is. */
const MAX_QUOTE = 500;

/** Plain text (no parse_mode), like the escalation alerts: a note's text cannot break the markup. */
export function mentionAlertText(
  facts: { authorName: string; content: string; conversationId: string },
  appUrl: string | undefined,
  language: AlertLanguage,
): string {
  const words = WORDS[language];
  const quote =
    facts.content.length > MAX_QUOTE ? `${facts.content.slice(0, MAX_QUOTE)}…` : facts.content;
  const link = conversationLink(appUrl, facts.conversationId);
  return [
    words.mentioned(facts.authorName),
    quote,
    `${words.conversation}: ${facts.conversationId}`,
    ...(link ? [link] : []),
  ].join("\n");
}
