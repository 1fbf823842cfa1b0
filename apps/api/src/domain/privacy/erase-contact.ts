import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit";
import type { StaffContext } from "../conversations/staff-context";
import { publishAdminTransient } from "../conversations/events";
import { contactOrThrow } from "../contacts/read-contacts";
import { eraseConversation } from "./erase-conversation";

export interface ContactErasure {
  /** The id the audit entry is filed under: not the contact's, which is gone with everything else. */
  erasureId: string;
  conversations: number;
  messages: number;
  files: number;
}

/**
 * The right to erasure: the contact, its keys (identities, phones, e-mails, list memberships, merge
 * records), every conversation it had on every channel with everything kept because of them
 * (erase-conversation.ts), its search entries and the audit entries about it. The one audit entry left
 * says who erased how much, and when — no name, number, id or text of the person.
 */
export async function eraseContact(
  ctx: StaffContext,
  input: { contactId: string },
): Promise<ContactErasure> {
  const { repos } = ctx.deps;
  const contact = await contactOrThrow(ctx.deps, input.contactId);
  const conversations = await repos.contactMerges.conversationsOf(input.contactId);
  let messages = 0;
  let files = 0;
  for (const conversation of conversations) {
    const erased = await eraseConversation(ctx.deps, conversation);
    messages += erased.messages;
    files += erased.files;
    await publishAdminTransient(ctx.deps.hub, {
      type: "conversation.deleted",
      payload: { conversationId: conversation.conversationId },
    });
  }
  await repos.searchIndex.removeContact(input.contactId);
  // The contacts merged into this one were the same person: audit entries about them go too.
  for (const id of [input.contactId, ...(contact.mergedFrom ?? [])]) {
    await repos.erasure.deleteAuditAbout(id);
  }
  await repos.contacts.delete(input.contactId);
  await publishAdminTransient(ctx.deps.hub, {
    type: "contact.erased",
    payload: { contactId: input.contactId },
  });
  const erasureId = randomUUID();
  await recordAudit(ctx, {
    action: "contact.erase",
    resourceType: "contact",
    resourceId: erasureId,
    metadata: { conversations: conversations.length, messages, files },
  });
  return { erasureId, conversations: conversations.length, messages, files };
}
