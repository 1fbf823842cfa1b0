import { MAX_AGENT_ID } from "@agents-crm/config/agent-config";
import { CHANNELS } from "@agents-crm/config/channels";
import { CONVERSATION_STATUSES, MAX_CONVERSATION_SEARCH } from "@agents-crm/config/conversations";
import { MAX_STAGE_ID } from "@agents-crm/config/pipeline";
import type { Channel, ConversationRow, ConversationStatus } from "~/features/console/types";
import { isValidLabel, normalizeLabel } from "~/features/contacts/label-text";
import { shortId } from "~/features/console/labels";
import { bucketOf } from "./status-counts";

/** A status to filter by, or SNOOZED: waiting for a human, later (out of Needs human until then). */
export type InboxStatus = ConversationStatus | "SNOOZED";
export const INBOX_STATUSES: readonly InboxStatus[] = [...CONVERSATION_STATUSES, "SNOOZED"];

export interface ConversationFilters {
  status?: InboxStatus;
  agentId?: string;
  channel?: Channel;
  stage?: string;
  search?: string;
  /** "me", "unassigned" or a staff user id (the Mine / Unassigned views; absent: All). */
  assignee?: string;
  label?: string;
}

const FILTER_KEYS = [
  "status",
  "agentId",
  "channel",
  "stage",
  "search",
  "assignee",
  "label",
] as const;
const MAX_ASSIGNEE = 512;

const oneOf = <T extends string>(values: readonly T[], raw: string | undefined) =>
  values.find((v) => v === raw);

/** Filters from the page's query string (unknown values are dropped, not sent to the API). */
export function filtersFromParams(
  params: Record<string, string | string[] | undefined>,
): ConversationFilters {
  const read = (key: string) => {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    return value ? value : undefined;
  };
  const filters: ConversationFilters = {
    status: oneOf(INBOX_STATUSES, read("status")),
    agentId: read("agentId")?.slice(0, MAX_AGENT_ID),
    channel: oneOf(CHANNELS, read("channel")),
    stage: read("stage")?.slice(0, MAX_STAGE_ID),
    search: read("search")?.slice(0, MAX_CONVERSATION_SEARCH),
    assignee: read("assignee")?.slice(0, MAX_ASSIGNEE),
    label: labelParam(read("label")),
  };
  return compactFilters(filters);
}

function labelParam(raw: string | undefined): string | undefined {
  const label = raw ? normalizeLabel(raw) : "";
  return label && isValidLabel(label) ? label : undefined;
}

/** Without unset keys, so two equal filter sets compare equal and the query string stays short. */
export function compactFilters(filters: ConversationFilters): ConversationFilters {
  const out: ConversationFilters = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) Object.assign(out, { [key]: value });
  }
  return out;
}

export function filtersToQuery(filters: ConversationFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** `conversations.list`'s input: the Snoozed view is its `snoozed` flag, not a status. */
export function listInput(
  filters: ConversationFilters,
): Omit<ConversationFilters, "status"> & { status?: ConversationStatus; snoozed?: true } {
  const { status, ...rest } = filters;
  if (status === "SNOOZED") return { ...rest, snoozed: true };
  return status ? { ...rest, status } : rest;
}

export function sameFilters(a: ConversationFilters, b: ConversationFilters): boolean {
  return FILTER_KEYS.every((key) => (a[key] ?? "") === (b[key] ?? ""));
}

/**
 * The server's search, as far as a row can say it the same way: only the id (whole, or the short id
 * the rows show) is certain. Everything else the server finds by (whole words and their beginnings in
 * any message, a phone in any format, an e-mail, the contact's name) a row does not carry in the
 * server's form — a substring of the preview is not the server's match — so it is "unknown": a row
 * already in the results stays, and a new one makes the list ask the server (`needsServerSearch`).
 */
export function matchesSearch(row: ConversationRow, search: string): boolean | "unknown" {
  const needle = search.trim().replace(/^#/, "").toLowerCase();
  if (!needle) return true;
  const id = row.conversationId.toLowerCase();
  if (id === needle || shortId(row.conversationId) === needle) return true;
  return "unknown";
}

/**
 * A live row the list cannot place: a search is active, the row is not among the results, and only
 * the server can say whether it matches now (a new message may hold the word). The list reads its
 * first page again instead of guessing.
 */
export function needsServerSearch(
  filters: ConversationFilters,
  row: ConversationRow,
  inResults: boolean,
): boolean {
  return Boolean(filters.search) && !inResults && matchesFilters(row, filters) === "unknown";
}

/** Whether a row belongs in a list with these filters ("unknown" only through the search). */
export function matchesFilters(
  row: ConversationRow,
  filters: ConversationFilters,
): boolean | "unknown" {
  // As the server lists them: a snoozed conversation is in Snoozed, not in its status, until it wakes.
  if (filters.status && bucketOf(row) !== filters.status) return false;
  if (filters.agentId && row.agentId !== filters.agentId) return false;
  if (filters.channel && row.channel !== filters.channel) return false;
  if (filters.stage && row.stage !== filters.stage) return false;
  if (filters.label && !(row.labels ?? []).includes(filters.label)) return false;
  if (!matchesAssignee(row, filters.assignee)) return false;
  return filters.search ? matchesSearch(row, filters.search) : true;
}

/**
 * Whether a row is in an assignee view; "me" must be resolved to the viewer's id first (see
 * `withViewer`), as a row does not know who is looking at it.
 */
export function matchesAssignee(row: ConversationRow, assignee: string | undefined): boolean {
  if (!assignee) return true;
  if (assignee === "unassigned") return !row.assigneeId;
  return row.assigneeId === assignee;
}

/** The filters as the list reads them: the "me" view is the viewer's own id. */
export function withViewer(filters: ConversationFilters, userId: string): ConversationFilters {
  return filters.assignee === "me" ? { ...filters, assignee: userId } : filters;
}
