import type { Contact } from "../schemas/contact";
import type { ContactKeys } from "./contact-keys";
import type { ContactReads } from "./contact-reads";
import type { SearchIndexRepository } from "./search-index";

/** Conversations of one contact re-indexed when what finds them changes (bounded: the newest ones). */
const CONVERSATIONS_REINDEXED = 100;

/** What search finds a contact by: a change elsewhere (lastSeenAt, notes, attributes) leaves the index be. */
const searchable = (contact: Contact | null): string =>
  contact
    ? JSON.stringify([
        contact.name,
        contact.phones,
        contact.emails,
        contact.labels,
        contact.identities.map((i) => [i.externalUserId, i.username, i.displayName]),
      ])
    : "";

/** What a contact's conversations are also found by: the person's name, usernames, phones, e-mails. */
export const contactSearchNames = (
  contact: Pick<Contact, "name" | "phones" | "emails" | "identities">,
): (string | null | undefined)[] => [
  contact.name,
  ...contact.phones,
  ...contact.emails,
  ...contact.identities.flatMap((i) => [i.username, i.displayName]),
];

/**
 * The contact's key items and its search entries change together: every contact write ends in
 * `keys.sync` and an erase in `keys.removeAll`, so hooking both indexes every write path, present and
 * future. The contact's conversations become findable by its name, usernames, phones and e-mails.
 */
export function withSearchIndex(
  keys: ContactKeys,
  searchIndex: Pick<SearchIndexRepository, "indexContact" | "removeContact" | "indexConversation">,
  timeline: ContactReads["timeline"],
): ContactKeys {
  async function indexConversationsOf(contact: Contact): Promise<void> {
    const names = contactSearchNames(contact);
    const page = await timeline(contact.contactId, { limit: CONVERSATIONS_REINDEXED });
    for (const entry of page.items) {
      await searchIndex.indexConversation(entry, { names, replaceNames: true });
    }
  }

  return {
    ...keys,
    async sync(before, after, options) {
      await keys.sync(before, after, options);
      if (searchable(before) === searchable(after)) return;
      await searchIndex.indexContact(after);
      await indexConversationsOf(after);
    },
    async removeAll(contactId) {
      await keys.removeAll(contactId);
      await searchIndex.removeContact(contactId);
    },
  };
}
