import type { Channel } from "@agents-crm/config/channels";
import {
  normalizeEmail,
  normalizePhone,
  type ContactTimelineEntry,
  type ContactView,
} from "@agents-crm/config/contacts";
import type { Contact, Page } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { notFound } from "../errors";
import { normaliseLabels } from "../labels";

export const TIMELINE_PAGE = 50;

export const contactView = (contact: Contact): ContactView => contact;

export async function contactOrThrow(deps: Pick<ApiDeps, "repos">, contactId: string) {
  const contact = await deps.repos.contacts.get(contactId);
  if (!contact) throw notFound("No contact has this id");
  return contact;
}

/**
 * The contacts list, newest activity first. Label and channel filters are Queries on their membership
 * lists; a search goes through the search index (names, phones in any format, e-mails, usernames,
 * labels), then keeps the other filters on the page it found.
 */
export async function listContacts(
  deps: Pick<ApiDeps, "repos">,
  input: {
    search?: string;
    label?: string;
    channel?: Channel;
    cursor?: string | null;
    limit?: number;
  },
): Promise<Page<ContactView>> {
  const { repos } = deps;
  const label = input.label === undefined ? undefined : normaliseLabels([input.label], "label")[0];
  const search = input.search?.trim();
  if (!search) {
    const page = await repos.contacts.list({
      label,
      channel: input.channel,
      cursor: input.cursor,
      limit: input.limit,
    });
    return { items: page.items.map(contactView), nextCursor: page.nextCursor };
  }
  const hits = await repos.searchIndex.searchContacts(search, {
    cursor: input.cursor,
    limit: input.limit,
  });
  // Exact phone / e-mail keys too, on the first page: they find a contact even before it is indexed.
  const exact = input.cursor
    ? []
    : [
        ...(normalizePhone(search) ? await repos.contacts.keysByPhone(search) : []),
        ...(normalizeEmail(search) ? await repos.contacts.keysByEmail(search) : []),
      ];
  const found = await repos.contacts.getMany(hits.items);
  const contacts = [...exact.filter((c) => !hits.items.includes(c.contactId)), ...found].filter(
    (c, index, all) => all.findIndex((o) => o.contactId === c.contactId) === index,
  );
  const items = contacts.filter(
    (c) =>
      (!label || c.labels.includes(label)) &&
      (!input.channel || c.identities.some((identity) => identity.channel === input.channel)),
  );
  return { items: items.map(contactView), nextCursor: hits.nextCursor };
}

/** One contact and its conversations on every channel, newest activity first. */
export async function contactDetails(
  deps: Pick<ApiDeps, "repos">,
  input: { contactId: string; timelineCursor?: string | null },
): Promise<{ contact: ContactView; timeline: Page<ContactTimelineEntry> }> {
  const contact = await contactOrThrow(deps, input.contactId);
  const timeline = await deps.repos.contacts.timeline(input.contactId, {
    cursor: input.timelineCursor,
    limit: TIMELINE_PAGE,
  });
  return { contact: contactView(contact), timeline };
}
