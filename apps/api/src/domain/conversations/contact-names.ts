import type { Repositories } from "@agents-crm/db";
import type { ListedConversation } from "./customer-profiles";

/**
 * Rows name the person once their contact has a name (given by staff, said by the customer, or from a
 * platform profile): it fills the row's `customer.name`, which inbox rows, board cards and live updates
 * already carry, so "Web visitor #…" gives way to "Maria Ivanova"; the platform username of the
 * conversation's identity rides along. One batch read per page.
 */
export async function withContactNames<T extends ListedConversation>(
  repos: Pick<Repositories, "contacts">,
  rows: readonly T[],
): Promise<T[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.contactId ? [row.contactId] : [])))];
  if (ids.length === 0) return [...rows];
  const contacts = new Map(
    (await repos.contacts.getMany(ids)).map((contact) => [contact.contactId, contact] as const),
  );
  return rows.map((row) => {
    const contact = row.contactId ? contacts.get(row.contactId) : undefined;
    if (!contact) return row;
    // A WhatsApp username user may have no name and no number: the username is how staff know them.
    const username =
      row.customer?.username ??
      contact.identities.find(
        (i) => i.channel === row.channel && i.externalUserId === row.externalUserId,
      )?.username ??
      null;
    if (!contact.name && !username) return row;
    return {
      ...row,
      customer: {
        name: contact.name ?? row.customer?.name ?? null,
        username,
        pictureUrl: row.customer?.pictureUrl ?? null,
      },
    };
  });
}
