import { findMentions } from "@agents-crm/config/notes";
import type { Message } from "@agents-crm/db";
import { recordAudit } from "../audit";
import { publishAdmin } from "../conversations/events";
import type { StaffContext } from "../conversations/staff-context";
import { conversationView } from "../conversations/views";
import { forbidden, notFound, preconditionFailed } from "../errors";
import { mentionableStaff } from "./mentionable-staff";
import { notifyMentioned } from "./notify-mentioned";

interface NoteRef {
  conversationId: string;
  messageId: string;
}

/** The caller's own, not deleted note, or the reason it cannot be changed. */
async function ownNote(ctx: StaffContext, ref: NoteRef) {
  const { repos } = ctx.deps;
  const [conversation, message] = await Promise.all([
    repos.conversations.get(ref.conversationId),
    repos.messages.get(ref.conversationId, ref.messageId),
  ]);
  if (!conversation || message?.role !== "note") throw notFound("no such note");
  if (message.authorId !== ctx.principal.id) {
    throw forbidden("only the note's author can change or delete it");
  }
  if (message.metadata.deletedAt !== undefined) throw preconditionFailed("the note is deleted");
  return { conversation, note: message };
}

async function saved(change: Promise<Message | null>) {
  const message = await change;
  // Deleted or rewritten by its author in another tab between the read and the write.
  if (!message) throw notFound("no such note");
  return message;
}

/** The author rewrites a note; colleagues it mentions for the first time ever are told. */
export async function updateNote(ctx: StaffContext, input: NoteRef & { content: string }) {
  const { deps, principal } = ctx;
  const { conversation, note } = await ownNote(ctx, input);
  const mentions = findMentions(input.content, await mentionableStaff(deps.repos));
  const told = new Set([...(note.metadata.notified ?? []), ...(note.metadata.mentions ?? [])]);
  const added = mentions.filter((userId) => !told.has(userId));
  const notified = [...told, ...added];
  const message = await saved(
    deps.repos.messages.updateNote(input.conversationId, input.messageId, principal.id, {
      content: input.content,
      metadata: { ...note.metadata, mentions, notified, editedAt: new Date().toISOString() },
    }),
  );
  await recordAudit(ctx, {
    action: "note.update",
    resourceType: "conversation",
    resourceId: input.conversationId,
    newValue: { messageId: input.messageId, mentions },
  });
  await publishAdmin(deps.hub, {
    type: "message.updated",
    payload: { conversation: conversationView(conversation), message, mentioned: added },
  });
  notifyMentioned(deps, conversation, message, principal.id, added);
  return { message };
}

/**
 * The author deletes a note. Like Chatwoot, the transcript keeps a "note deleted" line in its place (who
 * and when), so a conversation read later shows that something was there; the text itself is gone.
 */
export async function deleteNote(ctx: StaffContext, input: NoteRef) {
  const { deps, principal } = ctx;
  const { conversation, note } = await ownNote(ctx, input);
  const message = await saved(
    deps.repos.messages.updateNote(input.conversationId, input.messageId, principal.id, {
      content: "",
      metadata: {
        ...(note.metadata.authorName === undefined ? {} : { authorName: note.metadata.authorName }),
        deletedAt: new Date().toISOString(),
      },
    }),
  );
  await recordAudit(ctx, {
    action: "note.delete",
    resourceType: "conversation",
    resourceId: input.conversationId,
    oldValue: { messageId: input.messageId },
  });
  await publishAdmin(deps.hub, {
    type: "message.updated",
    payload: { conversation: conversationView(conversation), message },
  });
  return { message };
}
