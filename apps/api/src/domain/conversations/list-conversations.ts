import type { Channel } from "@agents-crm/config/channels";
import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { Conversation, Page } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { normaliseLabels } from "../labels";
import { searchConversations } from "./search-conversations";
import {
  createProfileReader,
  withCustomerProfiles,
  type ListedConversation,
} from "./customer-profiles";
import { conversationView } from "./views";

/** A label filter reads at most this many conversations per call, then returns what it has with a cursor. */
export const SEARCH_SCAN_BUDGET = 1_000;

export interface ListConversationsInput {
  status?: ConversationStatus;
  /** Resolved from the caller's `assignee` view (see assigneeFilters). */
  assigneeId?: string;
  unassigned?: boolean;
  agentId?: string;
  channel?: Channel;
  stage?: string;
  /** Only the snoozed conversations (they wait for a human, later). */
  snoozed?: boolean;
  search?: string;
  /** Only conversations carrying this label (normalised like stored labels). */
  label?: string;
  cursor?: string | null;
  limit: number;
}

/**
 * The inbox: needs-human first, then newest activity (or one status, newest first), narrowed by the most
 * selective index. A search reads the search index instead (search-conversations.ts): newest
 * conversation first, the same filters applied.
 * Instagram rows carry their customer's cached profile (name, picture) for the inbox.
 */
export async function listConversations(
  deps: Pick<ApiDeps, "repos">,
  input: ListConversationsInput,
): Promise<Page<ListedConversation>> {
  const { repos } = deps;
  const { status, agentId, channel, stage, assigneeId, unassigned, limit } = input;
  const filters = { agentId, channel, stage, assigneeId, unassigned };
  // A snoozed conversation is out of the needs-human view until it wakes; the snoozed view shows them.
  const only = input.snoozed
    ? { status: "NEEDS_HUMAN" as const, snoozed: true }
    : status && { status, snoozed: status === "NEEDS_HUMAN" ? false : undefined };
  const fetch = (cursor: string | null | undefined, size: number): Promise<Page<Conversation>> =>
    only
      ? repos.conversations.list({ ...only, ...filters, cursor, limit: size })
      : repos.conversations.listNeedsHumanFirst({ ...filters, cursor, limit: size });

  const search = input.search?.trim();
  const label = input.label === undefined ? undefined : normaliseLabels([input.label], "label")[0];
  const readProfile = createProfileReader(repos);
  if (!search && !label) {
    const page = await fetch(input.cursor, limit);
    const items = await withCustomerProfiles(readProfile, page.items.map(conversationView));
    return { items, nextCursor: page.nextCursor };
  }

  if (search) {
    // The index finds the hits; the label is one more filter applied to each, like the status.
    const page = await searchConversations(deps, search, {
      filters: { ...filters, ...(only || {}), label },
      cursor: input.cursor,
      limit,
    });
    return {
      items: await withCustomerProfiles(readProfile, page.items.map(conversationView)),
      nextCursor: page.nextCursor,
    };
  }

  // A label filter alone reads the list in bounded pages (no index can key a multi-valued attribute),
  // keeping the search's guarantees: complete, never repeating, at most SEARCH_SCAN_BUDGET read per call.
  const matching = (items: readonly Conversation[]): number[] =>
    items.flatMap((c, index) => (c.labels?.includes(label as string) ? [index] : []));
  const items: Conversation[] = [];
  let cursor = input.cursor ?? null;
  let scanned = 0;
  while (items.length < limit && scanned < SEARCH_SCAN_BUDGET) {
    const remaining = limit - items.length;
    const size = Math.min(100, Math.max(25, remaining * 2));
    const page = await fetch(cursor, size);
    scanned += page.items.length;
    const hits = matching(page.items);
    if (hits.length > remaining) {
      // More matches than needed: read the same page again up to the last one kept, so the cursor
      // resumes right after it (cursors point after the last item a page returned).
      const cut = (hits[remaining - 1] as number) + 1;
      const exact = await fetch(cursor, cut);
      items.push(...matching(exact.items).map((index) => exact.items[index] as Conversation));
      cursor = exact.nextCursor;
      break;
    }
    items.push(...hits.map((index) => page.items[index] as Conversation));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return {
    items: await withCustomerProfiles(readProfile, items.map(conversationView)),
    nextCursor: cursor,
  };
}
