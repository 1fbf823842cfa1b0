import type { Db } from "../client/db";
import { createContactKeys } from "./contact-keys";
import { createContactReads } from "./contact-reads";
import { withSearchIndex } from "./contact-search-sync";
import { createContactWrites } from "./contact-writes";
import type { RepositoryContext } from "./context";

/**
 * Contacts: one record per person across channels. The contacts table holds the records (no TTL: they are
 * the CRM's, not the conversation's); contact-keys maps identities, phones and e-mails to contacts and
 * holds the label/channel list memberships, so no read scans a table.
 */
export function createContactsRepository(
  db: Db,
  ctx: RepositoryContext,
  searchIndex: Parameters<typeof withSearchIndex>[1],
) {
  const rawKeys = createContactKeys(db, ctx);
  const reads = createContactReads(db, ctx, rawKeys);
  const keys = withSearchIndex(rawKeys, searchIndex, (id, request) => reads.timeline(id, request));
  return {
    ...reads,
    ...createContactWrites(db, ctx, keys, reads.get),
    /** Key items, for merge (moving identities) and erase. */
    keys,
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
