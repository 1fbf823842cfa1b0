import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import type { Page } from "../lib/page";
import { clampLimit } from "../lib/page";
import { isExpired } from "../lib/ttl";
import { queryTerms } from "../search";
import type { RepositoryContext } from "./context";
import { idOfDocKey, termKey, type SearchKind } from "./search-index-keys";

/**
 * Items read per query term and page. A term in more documents than this is read newest first down
 * to a horizon; the page is exact above the horizon and the cursor continues below it, so results stay
 * complete across pages while each page costs at most MAX_QUERY_TERMS × this many items.
 */
export const CANDIDATES_PER_TERM = 200;

export interface SearchOptions {
  limit?: number;
  cursor?: string | null;
  /** Conversations of one agent only. */
  agentId?: string;
}

interface TermRead {
  /** doc key → agent id */
  docs: Map<string, string | undefined>;
  /** The lowest doc key read when more remain (null: the term was read to the end). */
  horizon: string | null;
}

export function createSearchIndexReads(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.searchIndex;
  // Tests shrink the per-term read (queryPageSize) to exercise horizons with a few documents.
  const perTerm = ctx.queryPageSize ?? CANDIDATES_PER_TERM;

  async function readTerm(kind: SearchKind, term: string, below?: string): Promise<TermRead> {
    const docs = new Map<string, string | undefined>();
    let startKey: Record<string, unknown> | undefined;
    let read = 0;
    let last: string | null = null;
    const now = ctx.now();
    do {
      const out = await db.doc.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: below ? "#t = :t AND #d < :below" : "#t = :t",
          ExpressionAttributeNames: {
            "#t": "term",
            "#d": "doc",
            "#a": "agent_id",
            "#e": "expires_at",
          },
          ExpressionAttributeValues: {
            ":t": termKey(kind, term),
            ...(below && { ":below": below }),
          },
          ProjectionExpression: "#d, #a, #e",
          ScanIndexForward: false,
          Limit: perTerm - read,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        read += 1;
        last = String(item.doc);
        if (isExpired(item, "expires_at", now)) continue;
        docs.set(last, typeof item.agent_id === "string" ? item.agent_id : undefined);
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey && read < perTerm);
    return { docs, horizon: startKey ? last : null };
  }

  /**
   * Documents holding every term of `query` (AND), newest first. Each term is one Query of its own
   * partition (at most CANDIDATES_PER_TERM items); the smallest set drives the intersection.
   */
  async function search(
    kind: SearchKind,
    query: string,
    options: SearchOptions,
  ): Promise<Page<string>> {
    const terms = queryTerms(query);
    if (terms.length === 0) return { items: [], nextCursor: null };
    const limit = clampLimit(options.limit);
    const scope = `search:${kind}:${terms.join(" ")}:${options.agentId ?? ""}`;
    const below = options.cursor
      ? String(decodeCursor(options.cursor, scope, ["doc"]).doc)
      : undefined;
    const reads = await Promise.all(terms.map((term) => readTerm(kind, term, below)));
    const horizons = reads.flatMap((r) => (r.horizon === null ? [] : [r.horizon]));
    // Above the highest horizon every term was read completely, so the intersection there is exact.
    const horizon = horizons.length > 0 ? horizons.reduce((a, b) => (a > b ? a : b)) : null;
    const [driver, ...others] = [...reads].sort((a, b) => a.docs.size - b.docs.size);
    const found = [...(driver?.docs ?? [])]
      .filter(([doc, agentId]) => {
        if (horizon !== null && doc < horizon) return false;
        if (options.agentId !== undefined && agentId !== options.agentId) return false;
        return others.every((other) => other.docs.has(doc));
      })
      .map(([doc]) => doc)
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const page = found.slice(0, limit);
    const resumeAt = found.length > limit ? page[page.length - 1] : horizon;
    return {
      items: page.map(idOfDocKey),
      nextCursor: resumeAt ? encodeCursor(scope, { doc: resumeAt }) : null,
    };
  }

  return {
    /** Conversation ids matching `query` (ids, names, phones, e-mails, any word of any message). */
    searchConversations: (query: string, options: SearchOptions = {}) =>
      search("c", query, options),
    /** Contact ids matching `query` (name, phones, e-mails, usernames, labels). */
    searchContacts: (query: string, options: Omit<SearchOptions, "agentId"> = {}) =>
      search("p", query, options),
  };
}
