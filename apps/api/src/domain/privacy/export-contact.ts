import type { AuditEntry, Contact, Conversation, Message } from "@agents-crm/db";
import { recordAudit } from "../audit";
import type { StaffContext } from "../conversations/staff-context";
import { conversationView, type ConversationView } from "../conversations/views";
import { contactOrThrow } from "../contacts/read-contacts";

/** An export stops reading a conversation's messages here (and says so) rather than grow without bound. */
export const MAX_EXPORT_MESSAGES_PER_CONVERSATION = 10_000;
const PAGE = 500;

export interface ContactExport {
  exportedAt: string;
  contact: Contact;
  conversations: {
    conversation: ConversationView;
    messages: Message[];
    /** True when the conversation had more than MAX_EXPORT_MESSAGES_PER_CONVERSATION messages. */
    truncated: boolean;
  }[];
  /** Audit entries about the contact and about each of its conversations, newest first. */
  auditEntries: AuditEntry[];
}

async function messagesOf(ctx: StaffContext, conversationId: string) {
  const messages: Message[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.deps.repos.messages.page(conversationId, {
      cursor,
      limit: PAGE,
      includeNotes: true,
    });
    messages.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && messages.length < MAX_EXPORT_MESSAGES_PER_CONVERSATION);
  return { messages: messages.slice(0, MAX_EXPORT_MESSAGES_PER_CONVERSATION), truncated: !!cursor };
}

async function auditAbout(ctx: StaffContext, resourceId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.deps.repos.audit.list({ resourceId, cursor, limit: PAGE });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

/**
 * Everything held about a person (the right of access), as one JSON document: the contact (notes,
 * identities and profiles included), every conversation on every channel with all its messages (staff
 * notes too: they are data about the person), and the audit entries about them. Audited as
 * `contact.export`.
 */
export async function exportContact(
  ctx: StaffContext,
  input: { contactId: string },
): Promise<ContactExport> {
  const contact = await contactOrThrow(ctx.deps, input.contactId);
  const held: Conversation[] = await ctx.deps.repos.contactMerges.conversationsOf(input.contactId);
  const conversations: ContactExport["conversations"] = [];
  const auditEntries = await auditAbout(ctx, contact.contactId);
  for (const conversation of held) {
    conversations.push({
      conversation: conversationView(conversation),
      ...(await messagesOf(ctx, conversation.conversationId)),
    });
    auditEntries.push(...(await auditAbout(ctx, conversation.conversationId)));
  }
  auditEntries.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  await recordAudit(ctx, {
    action: "contact.export",
    resourceType: "contact",
    resourceId: contact.contactId,
    metadata: { conversations: conversations.length },
  });
  return { exportedAt: new Date().toISOString(), contact, conversations, auditEntries };
}
