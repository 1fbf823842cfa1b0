import type { AuditEntry } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

/** What staff did to conversations, as stats read it from the audit log. */
export interface HumanEvent {
  type: "takeover" | "reply" | "resolve" | "release" | "assign" | "realert";
  conversationId: string;
  actorId: string;
  at: number;
  /** A take-over: the status it took the conversation from. */
  fromStatus: string | null;
  /** A take-over: when the conversation escalated, as recorded with it (older entries lack it). */
  escalatedAt: number | null;
  /** A take-over made by a staff reply rather than the take-over button. */
  byReply: boolean;
  /** An assignment: who it went to (null when unassigned). */
  assigneeId: string | null;
}

/**
 * The audit actions stats read, each through the action index over a time range: take-overs,
 * staff replies (one that changed the status took the conversation over), closes and resolves,
 * returns to the AI (the end of a human episode), assignments and re-alerts.
 */
export const HUMAN_ACTIONS = [
  "handoff",
  "send_message",
  "close_conversation",
  "resolve",
  "return_to_ai",
  "assign",
  "realert",
] as const;

const PAGE_LIMIT = 500;

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
const str = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;
const time = (value: unknown): number | null => {
  const ms = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : null;
};

/** Who an assignment went to: `newValue.assigneeId`, or `to` in its values or details. */
function assigneeOf(entry: AuditEntry): string | null {
  const next = record(entry.newValue);
  return str(next?.assigneeId) ?? str(next?.to) ?? str(entry.metadata.to);
}

/** One audit entry as the events stats count; a reply that took the conversation over is both. */
export function humanEventsOf(entry: AuditEntry): HumanEvent[] {
  const base = {
    conversationId: entry.resourceId,
    actorId: entry.actorId,
    at: Date.parse(entry.timestamp),
    fromStatus: null,
    escalatedAt: null,
    byReply: false,
    assigneeId: null,
  };
  const before = record(entry.oldValue);
  const takeover = (byReply = false): HumanEvent => ({
    ...base,
    byReply,
    type: "takeover",
    fromStatus: str(before?.status),
    escalatedAt: time(before?.needsHumanSince),
  });
  switch (entry.action) {
    case "handoff":
      return [takeover()];
    case "send_message":
      return str(before?.status)
        ? [takeover(true), { ...base, type: "reply" }]
        : [{ ...base, type: "reply" }];
    case "close_conversation":
    case "resolve":
      return [{ ...base, type: "resolve" }];
    case "return_to_ai":
      return [{ ...base, type: "release" }];
    case "assign":
      return [{ ...base, type: "assign", assigneeId: assigneeOf(entry) }];
    case "realert":
      return [{ ...base, type: "realert" }];
    default:
      return [];
  }
}

/** Every entry of one action logged within [from, to], page by page through the action index. */
async function entriesOf(
  deps: Pick<ApiDeps, "repos">,
  action: string,
  range: { from: Date; to: Date },
): Promise<{ entries: AuditEntry[]; queries: number }> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  let queries = 0;
  do {
    const page = await deps.repos.audit.list({ action, ...range, cursor, limit: PAGE_LIMIT });
    queries++;
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { entries, queries };
}

/** What staff did within [from, to], oldest first (a take-over before the reply that made it). */
export async function humanEventsBetween(
  deps: Pick<ApiDeps, "repos">,
  range: { from: Date; to: Date },
): Promise<{ events: HumanEvent[]; queries: number }> {
  const reads = await Promise.all(HUMAN_ACTIONS.map((a) => entriesOf(deps, a, range)));
  const events = reads
    .flatMap((r) => r.entries)
    .flatMap(humanEventsOf)
    .filter((e) => Number.isFinite(e.at));
  const order = (e: HumanEvent) => (e.type === "takeover" ? 0 : 1);
  events.sort((a, b) => a.at - b.at || order(a) - order(b));
  return { events, queries: reads.reduce((sum, r) => sum + r.queries, 0) };
}
