import type { Contact } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

/**
 * Keeps the contact's search entries in step with a staff write (the index replaces a document's terms,
 * so indexing again is safe).
 */
export async function reindexContact(deps: Pick<ApiDeps, "repos">, contact: Contact) {
  await deps.repos.searchIndex.indexContact(contact);
}
