import type { Channel } from "@agents-crm/config/channels";
import type { ContactView as Contact } from "@agents-crm/config/contacts";
import type { ApiDeps } from "../../deps";
import { csvRow } from "./csv";
import { listContacts } from "./read-contacts";

export const CSV_COLUMNS = [
  "contact_id",
  "name",
  "phones",
  "emails",
  "labels",
  "channels",
  "attributes",
  "created_at",
  "last_seen_at",
] as const;

function cells(contact: Contact): string[] {
  return [
    contact.contactId,
    contact.name ?? "",
    contact.phones.join("; "),
    contact.emails.join("; "),
    contact.labels.join("; "),
    [...new Set(contact.identities.map((identity) => identity.channel))].join("; "),
    Object.entries(contact.attributes)
      .map(([key, value]) => `${key}=${value}`)
      .join("; "),
    contact.createdAt,
    contact.lastSeenAt,
  ];
}

/**
 * One page of the contacts list as CSV (the header on the first page only), with the cursor of the next:
 * the console fetches pages and joins them, so no request holds more than `limit` contacts.
 */
export async function exportContactsCsv(
  deps: Pick<ApiDeps, "repos">,
  input: { label?: string; channel?: Channel; cursor?: string | null; limit: number },
): Promise<{ csv: string; rows: number; nextCursor: string | null }> {
  const page = await listContacts(deps, input);
  const header = input.cursor ? "" : csvRow(CSV_COLUMNS);
  return {
    csv: header + page.items.map((contact) => csvRow(cells(contact))).join(""),
    rows: page.items.length,
    nextCursor: page.nextCursor,
  };
}
