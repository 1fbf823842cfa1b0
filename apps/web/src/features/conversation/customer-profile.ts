import { z } from "zod";
import type {
  Channel,
  ConversationDetails,
  ConversationRow,
  TranscriptMessage,
} from "~/features/console/types";

// Read defensively: metadata is free-form and older messages may lack any of it.
const senderSchema = z.object({
  name: z.string().trim().min(1).optional().catch(undefined),
  username: z.string().trim().min(1).optional().catch(undefined),
});
const contactsSchema = z.object({
  phoneNumbers: z.array(z.string()).catch([]),
  emails: z.array(z.string()).catch([]),
});
const sharedContactSchema = z.object({
  name: z.string().trim().min(1).optional().catch(undefined),
  phone: z.string().trim().min(1).optional().catch(undefined),
});

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

/** The profile from the conversation, its cached Instagram profile and the messages loaded so far. */
export function customerProfile(
  conversation: Pick<ConversationRow, "channel" | "externalUserId" | "externalConversationId">,
  instagram: ConversationDetails["instagramProfile"],
  messages: readonly Pick<TranscriptMessage, "role" | "metadata">[],
): CustomerProfile {
  let sender: z.infer<typeof senderSchema> = {};
  const phones: string[] = [];
  const emails: string[] = [];
  const shared = new Map<string, SharedContact>();
  for (const message of messages) {
    const meta = message.metadata;
    if (message.role === "user") {
      const said = senderSchema.safeParse(meta.sender);
      // The newest message's sender wins: people rename themselves.
      if (said.success && (said.data.name || said.data.username)) sender = said.data;
      const card = sharedContactSchema.safeParse(meta.contact);
      if (card.success && (card.data.name || card.data.phone)) {
        const contact = { name: card.data.name ?? null, phone: card.data.phone ?? null };
        shared.set(`${contact.name ?? ""}|${contact.phone ?? ""}`, contact);
      }
    }
    if (message.role === "agent" && meta.contacts !== undefined) {
      const found = contactsSchema.safeParse(meta.contacts);
      if (found.success) {
        phones.push(...found.data.phoneNumbers);
        emails.push(...found.data.emails);
      }
    }
  }
  return {
    name: instagram?.name ?? sender.name ?? null,
    username: instagram?.username ?? sender.username ?? null,
    pictureUrl: instagram?.profilePic ?? null,
    channel: conversation.channel,
    externalUserId: conversation.externalUserId ?? null,
    externalConversationId: conversation.externalConversationId ?? null,
    phones: unique(phones).filter(Boolean),
    emails: unique(emails).filter(Boolean),
    sharedContacts: [...shared.values()],
    profileReadAt: instagram?.updatedAt ?? null,
  };
}
