import type { Db } from "../client/db";
import { createContactKeys } from "./contact-keys";
import { createContactReads } from "./contact-reads";
import { createContactWrites } from "./contact-writes";
import type { RepositoryContext } from "./context";

/**
 * Contacts: one record per person across channels. The contacts table holds the records (no TTL: they are
 * the CRM's, not the conversation's); contact-keys maps identities, phones and e-mails to contacts and
 * holds the label/channel list memberships, so no read scans a table.
 */
export function createContactsRepository(db: Db, ctx: RepositoryContext) {
  const keys = createContactKeys(db, ctx);
  const reads = createContactReads(db, ctx, keys);
  return {
    ...reads,
    ...createContactWrites(db, ctx, keys, reads.get),
    /** Key items, for merge (moving identities) and erase. */
    keys,
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
