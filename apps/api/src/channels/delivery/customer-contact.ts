import { z } from "zod";
import type { Repositories } from "@agents-crm/db";

/**
 * When the customer of a channel conversation last wrote, and through which binding: the messaging
 * windows count from it, and replies go out through that binding. Kept apart from the messages (which
 * expire after MESSAGE_TTL_HOURS, often sooner than Instagram's 7-day human-agent window).
 */
const contactSchema = z.object({ lastInboundAt: z.iso.datetime(), bindingId: z.string().min(1) });
export type CustomerContact = z.infer<typeof contactSchema>;

/** Longer than the longest window (7 days), so a window never closes early for want of a record. */
const CONTACT_TTL_SECONDS = 8 * 24 * 3600;

const keyOf = (conversationId: string) => `channel-contact#${conversationId}`;

/** Never moves the time back (a replayed dead letter carries an old platform timestamp). */
export async function recordCustomerContact(
  repos: Pick<Repositories, "kv">,
  conversationId: string,
  contact: CustomerContact,
): Promise<void> {
  const previous = await customerContact(repos, conversationId);
  const latest =
    previous && Date.parse(previous.lastInboundAt) > Date.parse(contact.lastInboundAt)
      ? { ...contact, lastInboundAt: previous.lastInboundAt }
      : contact;
  await repos.kv.set(keyOf(conversationId), JSON.stringify(latest), CONTACT_TTL_SECONDS);
}

/** Null when the customer has not written within the record's lifetime (or before this was kept). */
export async function customerContact(
  repos: Pick<Repositories, "kv">,
  conversationId: string,
): Promise<CustomerContact | null> {
  const raw = await repos.kv.get(keyOf(conversationId));
  if (raw === null) return null;
  try {
    const parsed = contactSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
