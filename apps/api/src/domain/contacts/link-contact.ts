import type { Channel } from "@agents-crm/config/channels";
import type { Conversation, EnsureContactInput } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

/** What the platform shows about the person behind a conversation (Telegram `from`, WhatsApp profile). */
export type IdentityDetails = Pick<
  EnsureContactInput,
  "displayName" | "username" | "profile" | "phones"
>;

/** The person's id on the conversation's channel: the platform user, or the web visitor's token hash. */
export function identityOf(
  conversation: Pick<Conversation, "channel" | "externalUserId" | "webTokenHash">,
): { channel: Channel; externalUserId: string } | null {
  const externalUserId =
    conversation.channel === "web_chat" ? conversation.webTokenHash : conversation.externalUserId;
  return externalUserId ? { channel: conversation.channel, externalUserId } : null;
}

/** A WhatsApp wa_id is the customer's number: it goes on the contact as E.164. */
export function identityPhones(channel: Channel, externalUserId: string): string[] {
  return channel === "whatsapp" && /^\d{7,15}$/.test(externalUserId) ? [`+${externalUserId}`] : [];
}

/**
 * The contact of a new web chat visitor, created before the conversation so the conversation is written
 * with its `contactId` (no second write). The token is fresh, so this is always a new contact.
 */
export async function contactForWebVisitor(
  deps: Pick<ApiDeps, "repos">,
  input: { agentId: string; webTokenHash: string },
): Promise<string> {
  const { contact } = await deps.repos.contacts.ensureForConversation(
    { channel: "web_chat", agentId: input.agentId, externalUserId: input.webTokenHash },
    { surelyNew: true },
  );
  return contact.contactId;
}

/**
 * Links a channel conversation to its person's contact: called when the conversation was just created,
 * or when it has none yet (created before contacts existed, or a crash between the two writes — the
 * inbox retries the event). A conversation with a contact costs nothing here.
 */
export async function linkContact(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  details: IdentityDetails = {},
): Promise<Conversation> {
  if (conversation.contactId) return conversation;
  const identity = identityOf(conversation);
  if (!identity) return conversation;
  const { contact } = await deps.repos.contacts.ensureForConversation({
    ...identity,
    agentId: conversation.agentId,
    ...details,
    phones: [
      ...(details.phones ?? []),
      ...identityPhones(identity.channel, identity.externalUserId),
    ],
    at: conversation.createdAt,
  });
  return deps.repos.conversations.update(conversation.conversationId, {
    contactId: contact.contactId,
  });
}
