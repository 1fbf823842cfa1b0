import type { ContactView } from "@agents-crm/config/contacts";
import type { Contact } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { contactOrThrow, contactView } from "./read-contacts";

/** How many of the most recently active contacts the global suggestions look at (bounded work). */
export const SUGGESTION_WINDOW = 100;

export interface MergeSuggestion {
  contact: ContactView;
  other: ContactView;
  /** The phones and e-mails they share. */
  shared: string[];
}

async function sharingWith(deps: Pick<ApiDeps, "repos">, contact: Contact) {
  const { repos } = deps;
  const others = new Map<string, { contact: Contact; shared: string[] }>();
  const found = [
    ...(await Promise.all(
      contact.phones.map(async (p) => [p, await repos.contacts.keysByPhone(p)] as const),
    )),
    ...(await Promise.all(
      contact.emails.map(async (e) => [e, await repos.contacts.keysByEmail(e)] as const),
    )),
  ];
  for (const [value, holders] of found) {
    for (const other of holders) {
      if (other.contactId === contact.contactId) continue;
      const entry = others.get(other.contactId) ?? { contact: other, shared: [] };
      entry.shared.push(value);
      others.set(other.contactId, entry);
    }
  }
  return [...others.values()];
}

/**
 * Contacts that look like one person: they share a phone or an e-mail. For one contact, every contact
 * sharing one with it (phone and e-mail keys, no scan); without one, the pairs among the most recently
 * active SUGGESTION_WINDOW contacts, most shared first, at most `limit`.
 */
export async function mergeSuggestions(
  deps: Pick<ApiDeps, "repos">,
  input: { contactId?: string; limit: number },
): Promise<MergeSuggestion[]> {
  const pairs: MergeSuggestion[] = [];
  const seen = new Set<string>();
  const consider = async (contact: Contact) => {
    for (const { contact: other, shared } of await sharingWith(deps, contact)) {
      const pair = [contact.contactId, other.contactId].sort().join("|");
      if (seen.has(pair)) continue;
      seen.add(pair);
      pairs.push({ contact: contactView(contact), other: contactView(other), shared });
    }
  };
  if (input.contactId) {
    await consider(await contactOrThrow(deps, input.contactId));
  } else {
    const recent = await deps.repos.contacts.list({ limit: SUGGESTION_WINDOW });
    for (const contact of recent.items) {
      if (contact.phones.length + contact.emails.length > 0) await consider(contact);
    }
  }
  return pairs.sort((a, b) => b.shared.length - a.shared.length).slice(0, input.limit);
}
