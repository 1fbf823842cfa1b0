import type { Channel } from "@agents-crm/config/channels";
import { isSnoozable, type ConversationStatus } from "@agents-crm/config/conversations";
import type { Conversation, Page } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { normaliseLabels } from "../labels";
import { listLabelled } from "./label-filter";
import { searchConversations } from "./search-conversations";
import {
  createProfileReader,
  withCustomerProfiles,
  type ListedConversation,
} from "./customer-profiles";
import { conversationView } from "./views";

export interface ListConversationsInput {
  status?: ConversationStatus;
  /** Resolved from the caller's `assignee` view (see assigneeFilters). */
  assigneeId?: string;
  unassigned?: boolean;
  agentId?: string;
  channel?: Channel;
  stage?: string;
  /** Only the snoozed conversations (waiting for a human or handled by one, later). */
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
  // A snoozed conversation is out of its status's view until it wakes; the snoozed view shows them.
  const only = input.snoozed
    ? { snoozed: true }
    : status && { status, snoozed: isSnoozable(status) ? false : undefined };
  const fetch = (cursor: string | null | undefined, size: number): Promise<Page<Conversation>> =>
    input.snoozed
      ? repos.conversations.listSnoozed({ ...filters, cursor, limit: size })
      : only
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

  const page = search
    ? await searchConversations(deps, search, {
        filters: { ...filters, ...(only || {}), label },
        cursor: input.cursor,
        limit,
      })
    : await listLabelled(fetch, label as string, input.cursor, limit);
  return {
    items: await withCustomerProfiles(readProfile, page.items.map(conversationView)),
    nextCursor: page.nextCursor,
  };
}
