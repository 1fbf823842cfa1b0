import type { ContactSummary } from "./types";

const WEB_VISITOR_ID_CHARS = 6;

/**
 * How staff recognise a person: their name, else what identifies them best — a phone, an e-mail, a
 * channel username or display name — and only then "Web visitor #…".
 */
export function contactDisplayName(
  contact: Pick<ContactSummary, "contactId" | "name" | "phones" | "emails" | "identities">,
  words: { unnamed: string; webVisitor: string },
): string {
  const name = contact.name?.trim();
  if (name) return name;
  for (const identity of contact.identities) {
    const display = identity.displayName?.trim();
    if (display) return display;
  }
  const phone = contact.phones[0];
  if (phone) return phone;
  const email = contact.emails[0];
  if (email) return email;
  for (const identity of contact.identities) {
    if (identity.username) return `@${identity.username}`;
    if (identity.channel !== "web_chat") return identity.externalUserId;
  }
  if (contact.identities.some((identity) => identity.channel === "web_chat")) {
    return `${words.webVisitor} #${contact.contactId.slice(-WEB_VISITOR_ID_CHARS).toLowerCase()}`;
  }
  return words.unnamed;
}

/**
 * How to reach the person, without the phone or e-mail already shown as their name (a person known only
 * by a number would otherwise show it twice in a row).
 */
export function contactReach(
  contact: Pick<ContactSummary, "phones" | "emails">,
  shownName: string,
): string[] {
  return [...contact.phones, ...contact.emails].filter((value) => value !== shownName);
}

/** The name shown is a phone number (kept on one line: a number broken mid-way misreads). */
export const isPhoneName = (contact: Pick<ContactSummary, "phones">, shownName: string) =>
  contact.phones.includes(shownName);

/** The distinct channels a person wrote on, in a fixed order so rows line up. */
export function contactChannels(contact: Pick<ContactSummary, "identities">) {
  const order = ["web_chat", "instagram", "telegram", "whatsapp"] as const;
  const seen = new Set(contact.identities.map((identity) => identity.channel));
  return order.filter((channel) => seen.has(channel));
}
