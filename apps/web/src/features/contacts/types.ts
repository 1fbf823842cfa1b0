import type { ContactView } from "@agents-crm/config/contacts";

export type {
  ContactIdentity,
  ContactNote,
  ContactTimelineEntry,
  ContactView,
} from "@agents-crm/config/contacts";

/** The fields of a contact a row or a name needs (a list item, a merge suggestion, a search hit). */
export type ContactSummary = Pick<
  ContactView,
  "contactId" | "name" | "phones" | "emails" | "identities" | "labels"
> & { lastSeenAt?: string | null };
