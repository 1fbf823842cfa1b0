import type { Db } from "../client/db";
import { digitRunPhones, type PhoneReader } from "../search";
import type { RepositoryContext } from "./context";
import { createSearchIndexReads } from "./search-index-reads";
import { createSearchIndexWrites } from "./search-index-writes";

/**
 * Search without a full-text engine: DynamoDB has none, and a Scan per keystroke grows with the data.
 * So the `search-index` table is an inverted index kept up to date as messages, conversations and
 * contacts are written:
 *
 * - Term items: `term` = "c#<term>" (conversations) or "p#<term>" (contacts), `doc` =
 *   `${createdAt}#${id}`. One partition per normalised term (src/search/terms.ts: folded words and
 *   their prefixes, e-mails, phone digit forms, ids), so a lookup is one Query; the sort key orders a
 *   term's documents newest first, and one item per (term, document) means a word repeated in a
 *   conversation is rewritten, not stored again. Items carry `agent_id` (the agent filter) and the TTL
 *   of the newest message that wrote them (`expires_at`), so a conversation's entries expire with it.
 * - Reverse items: `term` = "r#c#<id>" / "r#p#<id>", `doc` = "root" (the document's own terms and sort
 *   key) or "m#<messageId>" (the terms that message added, expiring with it). Removing a document is a
 *   Query of its reverse items and batch deletes: no Scan, whatever the table's size.
 *
 * Queries intersect terms (AND), at most MAX_QUERY_TERMS terms and CANDIDATES_PER_TERM items per term
 * and page (search-index-reads.ts), so a search's cost is bounded whatever the table's size.
 */
export function createSearchIndexRepository(
  db: Db,
  ctx: RepositoryContext,
  readPhones: PhoneReader = digitRunPhones,
) {
  return { ...createSearchIndexWrites(db, readPhones), ...createSearchIndexReads(db, ctx) };
}

export type SearchIndexRepository = ReturnType<typeof createSearchIndexRepository>;
export type { IndexableContact } from "./search-index-writes";
export type { SearchOptions } from "./search-index-reads";
export { CANDIDATES_PER_TERM } from "./search-index-reads";
