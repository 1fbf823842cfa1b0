import type { Channel } from "@agents-crm/config/channels";
import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { Conversation, Page } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

/** A search reads at most this many pages of index hits per call, then returns what it has with a cursor. */
export const SEARCH_PAGE_BUDGET = 4;

export interface SearchFilters {
  status?: ConversationStatus;
  /** true: only conversations snoozed until later; false: none of those. */
  snoozed?: boolean;
  agentId?: string;
  channel?: Channel;
  stage?: string;
  assigneeId?: string;
  unassigned?: boolean;
  /** Only conversations carrying this (normalised) label. */
  label?: string;
}

function matches(conversation: Conversation, filters: SearchFilters, now: string): boolean {
  const { status, snoozed, channel, stage, assigneeId, unassigned } = filters;
  if (status !== undefined && conversation.status !== status) return false;
  if (snoozed !== undefined && (conversation.snoozedUntil ?? "") > now !== snoozed) return false;
  if (channel !== undefined && conversation.channel !== channel) return false;
  if (stage !== undefined && conversation.stage !== stage) return false;
  if (assigneeId !== undefined && conversation.assigneeId !== assigneeId) return false;
  if (unassigned && conversation.assigneeId !== undefined) return false;
  if (filters.label !== undefined && !conversation.labels?.includes(filters.label)) return false;
  return true;
}

/**
 * The inbox's search through the search index (packages/db search-index.ts): newest conversation first,
 * the inbox's other filters applied to each hit. Hits are asked for exactly as many as still needed, so
 * the cursor resumes right after the last one judged (a page may hold fewer than `limit` items while
 * `nextCursor` is set).
 */
export async function searchConversations(
  deps: Pick<ApiDeps, "repos">,
  search: string,
  input: { filters: SearchFilters; cursor?: string | null; limit: number },
): Promise<Page<Conversation>> {
  const { repos } = deps;
  const { filters, limit } = input;
  const now = new Date().toISOString();
  const items: Conversation[] = [];
  let cursor = input.cursor ?? null;
  for (let round = 0; round < SEARCH_PAGE_BUDGET && items.length < limit; round++) {
    const hits = await repos.searchIndex.searchConversations(search, {
      agentId: filters.agentId,
      limit: limit - items.length,
      cursor,
    });
    for (const conversation of await repos.conversations.getMany(hits.items)) {
      if (matches(conversation, filters, now)) items.push(conversation);
    }
    cursor = hits.nextCursor;
    if (!cursor) break;
  }
  return { items, nextCursor: cursor };
}
