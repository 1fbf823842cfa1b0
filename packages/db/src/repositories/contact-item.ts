import { normalizeEmail, normalizePhone } from "@agents-crm/config/contacts";
import type { Channel } from "@agents-crm/config/channels";
import { toItemKeys } from "../lib/case";
import { parseItem } from "../lib/parse-item";
import { contactSchema, type Contact } from "../schemas/contact";
import { tableDefinition } from "../tables/definitions";

type Item = Record<string, unknown>;

export const CONTACTS_TABLE = tableDefinition("contacts");
export const CONTACT_KEYS_TABLE = tableDefinition("contactKeys");
export const CONTACT_ALL_PK = "CONTACT";
/** The `ref` of an identity key: one item per identity, so a conditional put makes it unique. */
export const IDENTITY_REF = "-";

export const contactActivitySort = (contact: Pick<Contact, "lastSeenAt" | "contactId">) =>
  `${contact.lastSeenAt}#${contact.contactId}`;

/**
 * The identity key leaves the agent out on purpose: a platform id names one person on that platform, so the
 * same Telegram user writing two bots of the business is one contact (Instagram's IGSIDs are per page and
 * differ anyway). The web chat's is the visitor token's hash.
 */
export const identityKey = (channel: Channel, externalUserId: string) =>
  `identity#${channel}#${externalUserId}`;
export const phoneKey = (phone: string) => `phone#${phone}`;
export const emailKey = (email: string) => `email#${email}`;
export const labelKey = (label: string) => `label#${label}`;
export const channelKey = (channel: Channel) => `channel#${channel}`;

/** The distinct channels a contact has identities on, in a stable order. */
export const channelsOf = (contact: Pick<Contact, "identities">): Channel[] =>
  [...new Set(contact.identities.map((identity) => identity.channel))].sort();

export function contactToItem(contact: Contact): Item {
  return {
    ...toItemKeys({ ...contact }),
    all_pk: CONTACT_ALL_PK,
    activity_sort: contactActivitySort(contact),
    channels: channelsOf(contact),
  };
}

export const contactFromItem = (item: Item): Contact =>
  parseItem(contactSchema, item, "contact", String(item.contact_id));

/** Phones as E.164 and e-mails in lower case, deduplicated; what does not normalise is dropped. */
export function normalizedPhones(phones: readonly string[]): string[] {
  return [...new Set(phones.map(normalizePhone).filter((p): p is string => p !== null))];
}

export function normalizedEmails(emails: readonly string[]): string[] {
  return [...new Set(emails.map(normalizeEmail).filter((e): e is string => e !== null))];
}
