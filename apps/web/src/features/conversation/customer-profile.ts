import type {
  Channel,
  ConversationDetails,
  ConversationRow,
  TranscriptMessage,
} from "~/features/console/types";

export interface SharedContact {
  name: string | null;
  phone: string | null;
}

/** Who the customer is, as far as this conversation tells: the profile card of its page. */
export interface CustomerProfile {
  /** Instagram's profile name, else the name the platform sent with a message (Telegram, WhatsApp). */
  name: string | null;
  username: string | null;
  pictureUrl: string | null;
  channel: Channel;
  externalUserId: string | null;
  externalConversationId: string | null;
  /** Phone numbers and e-mails the agent extracted from the customer's messages, first seen first. */
  phones: string[];
  emails: string[];
  /** Contact cards the customer shared. */
  sharedContacts: SharedContact[];
  /** When the cached Instagram profile was read (it is refreshed after 5 days). */
  profileReadAt: string | null;
}

const unique = (values: Iterable<string>) => [...new Set([...values].map((v) => v.trim()))];

/**
 * The profile from the conversation, its cached Instagram profile, the messages loaded so far and the
 * contact's identity (which staff may have refreshed from the platform since the last message).
 */
export function customerProfile(
  conversation: Pick<ConversationRow, "channel" | "externalUserId" | "externalConversationId">,
  instagram: ConversationDetails["instagramProfile"],
  messages: readonly Pick<TranscriptMessage, "role" | "metadata" | "timestamp">[],
  identity: ConversationDetails["customerIdentity"] = null,
): CustomerProfile {
  let sender: { name?: string; username?: string } = {};
  let senderAt = "";
  const phones: string[] = [];
  const emails: string[] = [];
  const shared = new Map<string, SharedContact>();
  // Metadata comes read by the shared schema: what an older row holds that does not match is absent.
  for (const { role, metadata, timestamp } of messages) {
    if (role === "user") {
      // The newest message's sender wins: people rename themselves.
      if (metadata.sender?.name || metadata.sender?.username) {
        sender = metadata.sender;
        senderAt = timestamp;
      }
      const card = metadata.contact;
      if (card?.name || card?.phone) {
        const contact = { name: card.name ?? null, phone: card.phone ?? null };
        shared.set(`${contact.name ?? ""}|${contact.phone ?? ""}`, contact);
      }
    }
    if (role === "agent" && metadata.contacts) {
      phones.push(...metadata.contacts.phoneNumbers);
      emails.push(...metadata.contacts.emails);
    }
  }
  // A refresh newer than the customer's latest message wins over the name that message carried.
  const refreshed =
    identity?.refreshedAt && identity.refreshedAt > senderAt
      ? { name: identity.name ?? undefined, username: identity.username ?? undefined }
      : null;
  const named = refreshed ?? sender;
  return {
    name: instagram?.name ?? named.name ?? null,
    username: instagram?.username ?? named.username ?? null,
    pictureUrl: instagram?.profilePic ?? null,
    channel: conversation.channel,
    externalUserId: conversation.externalUserId ?? null,
    externalConversationId: conversation.externalConversationId ?? null,
    phones: unique(phones).filter(Boolean),
    emails: unique(emails).filter(Boolean),
    sharedContacts: [...shared.values()],
    profileReadAt: instagram?.updatedAt ?? identity?.refreshedAt ?? null,
  };
}
