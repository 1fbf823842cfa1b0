import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { mentionAlertText } from "./mention-alert-text";

/** Each colleague a note newly mentions (never its author) gets it in their own Telegram alert chats. */
export function notifyMentioned(
  deps: Pick<ApiDeps, "alerts" | "env">,
  conversation: Conversation,
  note: Message,
  authorId: string,
  userIds: readonly string[],
): void {
  const facts = {
    authorName: note.metadata.authorName ?? "",
    content: note.content,
    conversationId: conversation.conversationId,
  };
  for (const userId of userIds) {
    if (userId === authorId) continue;
    deps.alerts.toStaffMember({ userId, agentId: conversation.agentId }, (language) =>
      mentionAlertText(facts, deps.env.APP_URL, language),
    );
  }
}
