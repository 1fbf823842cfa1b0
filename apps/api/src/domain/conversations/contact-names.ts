import type { Repositories } from "@agents-crm/db";
import type { ListedConversation } from "./customer-profiles";

/**
 * Rows name the person once their contact has a name (given by staff, said by the customer, or from a
 * platform profile): it fills the row's `customer.name`, which inbox rows, board cards and live updates
 * already carry, so "Web visitor #…" gives way to "Maria Ivanova". One batch read per page.
 */
export async function withContactNames<T extends ListedConversation>(
  repos: Pick<Repositories, "contacts">,
  rows: readonly T[],
): Promise<T[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.contactId ? [row.contactId] : [])))];
  if (ids.length === 0) return [...rows];
  const names = new Map(
    (await repos.contacts.getMany(ids)).flatMap((contact) =>
      contact.name ? [[contact.contactId, contact.name] as const] : [],
    ),
  );
  return rows.map((row) => {
    const name = row.contactId ? names.get(row.contactId) : undefined;
    if (!name) return row;
    return {
      ...row,
      customer: {
        name,
        username: row.customer?.username ?? null,
        pictureUrl: row.customer?.pictureUrl ?? null,
      },
    };
  });
}
