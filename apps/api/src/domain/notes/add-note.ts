import { NotFoundError } from "@agents-crm/db";
import { findMentions } from "@agents-crm/config/notes";
import { recordAudit } from "../audit";
import { emitMessageCreated } from "../conversations/emit";
import type { StaffContext } from "../conversations/staff-context";
import { mentionableStaff } from "./mentionable-staff";
import { notifyMentioned } from "./notify-mentioned";

/**
 * A staff-only note in the transcript. It is not a reply: the status, the preview and the customer's
 * view stay as they are, nothing is delivered, and the consoles get it live. Colleagues it `@mentions`
 * hear about it (their consoles from the event, their own Telegram alert chats from here).
 */
export async function addNote(
  ctx: StaffContext,
  input: { conversationId: string; content: string },
) {
  const { deps, principal } = ctx;
  const { repos } = deps;
  const conversation = await repos.conversations.get(input.conversationId);
  if (!conversation) throw new NotFoundError("conversation", input.conversationId);
  const mentions = findMentions(input.content, await mentionableStaff(repos));
  const message = await repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role: "note",
    content: input.content,
    channel: conversation.channel,
    authorId: principal.id,
    metadata: { authorName: principal.name, mentions },
  });
  await recordAudit(ctx, {
    action: "note.add",
    resourceType: "conversation",
    resourceId: conversation.conversationId,
    newValue: { messageId: message.messageId, mentions },
  });
  await emitMessageCreated(deps.hub, conversation, message);
  notifyMentioned(deps, conversation, message, principal.id, mentions);
  return { message };
}
