import type { Conversation, InboundEvent as InboxItem } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { publishAdminTransient } from "../../domain/conversations/events";
import { eraseConversation } from "../../domain/privacy/erase-conversation";
import { orderKeyOf, type InboundEvent } from "../inbound-event";

/**
 * The event arrived before its customer was erased: it is part of what was erased, and processing it
 * would bring the conversation and contact back. One that arrived after it is a new message.
 */
export async function arrivedBeforeErasure(
  deps: Pick<ApiDeps, "repos">,
  item: Pick<InboxItem, "receivedAt">,
  event: Pick<InboundEvent, "bindingId" | "externalUserId">,
): Promise<boolean> {
  const erasedAt = await deps.repos.erasedCustomers.erasedAt(orderKeyOf(event));
  return erasedAt !== null && Date.parse(item.receivedAt) <= erasedAt.getTime();
}

/**
 * The customer was erased while this event was being processed: what it stored (the conversation, its
 * messages, a contact made for it) goes the way of the rest. The erasure's time stays as recorded, so
 * a message the customer sent after it is still a new one.
 */
export async function eraseWhatItStored(deps: ApiDeps, conversation: Conversation): Promise<void> {
  const { repos } = deps;
  // Gone already (the erasure came after our last write): its label counts were given back then.
  const current = await repos.conversations.get(conversation.conversationId);
  await eraseConversation(deps, current ?? { ...conversation, labels: [] }, { remember: false });
  await publishAdminTransient(deps.hub, {
    type: "conversation.deleted",
    payload: { conversationId: conversation.conversationId },
  });
  const contactId = conversation.contactId;
  if (!contactId || (await repos.contactMerges.conversationsOf(contactId)).length > 0) return;
  if (!(await repos.contacts.get(contactId))) return;
  await repos.searchIndex.removeContact(contactId);
  await repos.erasure.deleteAuditAbout(contactId);
  await repos.contacts.delete(contactId);
  await publishAdminTransient(deps.hub, { type: "contact.erased", payload: { contactId } });
}
