import type { ApiDeps } from "../../deps";
import { deltas } from "./aggregate";
import { humanSeries, humanValues, staffActivity, type HumanValues } from "./human-aggregate";
import { humanMeasures, type HumanConversation } from "./human-episodes";
import { humanEventsBetween, type HumanEvent } from "./human-events";
import { periodWindows, type TimeWindow } from "./periods";
import { mapLimit, type StatsSummaryInput } from "./stats-summary";

/** Conversation and staff look-ups run this many at a time. */
const LOOKUP_CONCURRENCY = 8;
/** The API token acts as a principal of its own; it is no account, and it never left. */
const MACHINE_ID = "machine";

const isoWindow = (w: TimeWindow) => ({ from: w.from.toISOString(), to: w.to.toISOString() });
const timeOf = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/**
 * The conversations whose row the numbers need: a take-over entry without the escalation time (older
 * entries) reads the row's mark, and a resolve with no take-over before it counts from the row's
 * start. Everything else is in the audit entries, so most periods read no conversation at all.
 */
function conversationsToRead(events: readonly HumanEvent[]): string[] {
  const takenOver = new Set<string>();
  const needed = new Set<string>();
  for (const e of events) {
    if (e.type === "takeover") {
      takenOver.add(e.conversationId);
      if (e.fromStatus === "NEEDS_HUMAN" && e.escalatedAt === null) needed.add(e.conversationId);
    } else if (e.type === "resolve" && !takenOver.has(e.conversationId)) {
      needed.add(e.conversationId);
    }
  }
  return [...needed];
}

export interface StaffRow {
  staffId: string;
  /** Null for staff whose account is gone: shown as former staff. */
  name: string | null;
  /** Removed or deactivated accounts. */
  former: boolean;
  handled: number;
  resolved: number;
  firstResponseMs: HumanValues["firstResponseMs"];
}

/**
 * The human side of a period, in the summary's windows and time zone: from the audit log's action
 * index over the period (no Scan; work grows with what staff did in it), plus one read per staff
 * member and per conversation whose row is needed (see conversationsToRead; every one touched when
 * filtering by agent, whose id only the row has).
 */
export async function statsHumans(
  deps: Pick<ApiDeps, "repos">,
  input: StatsSummaryInput,
  now: Date,
) {
  const windows = periodWindows(input.period, now, input.timezone);
  const since = input.compare ? windows.previous.from : windows.current.from;
  const { events: all, queries } = await humanEventsBetween(deps, { from: since, to: now });

  const ids = input.agentId
    ? [...new Set(all.map((e) => e.conversationId))]
    : conversationsToRead(all);
  const rows = await mapLimit(ids, LOOKUP_CONCURRENCY, (id) => deps.repos.conversations.get(id));
  const conversations = new Map<string, HumanConversation>();
  const agentOf = new Map<string, string>();
  rows.forEach((row, i) => {
    if (!row) return;
    conversations.set(ids[i] as string, {
      createdAt: Date.parse(row.createdAt),
      needsHumanSince: timeOf(row.needsHumanSince),
    });
    agentOf.set(ids[i] as string, row.agentId);
  });
  const events = input.agentId
    ? all.filter((e) => agentOf.get(e.conversationId) === input.agentId)
    : all;

  const measures = humanMeasures(events, conversations);
  const current = humanValues(measures, windows.current);
  const previous = input.compare ? humanValues(measures, windows.previous) : null;
  const activity = staffActivity(measures, windows.current);
  const accounts = await mapLimit(activity, LOOKUP_CONCURRENCY, (a) =>
    a.staffId === MACHINE_ID ? Promise.resolve(null) : deps.repos.adminUsers.getById(a.staffId),
  );
  const staff: StaffRow[] = activity.map((a, i) => {
    const account = accounts[i];
    if (a.staffId === MACHINE_ID) return { ...a, name: "API token", former: false };
    return { ...a, name: account?.name ?? null, former: !account?.isActive };
  });

  return {
    period: input.period,
    timezone: input.timezone,
    agentId: input.agentId ?? null,
    window: isoWindow(windows.current),
    ...current,
    staff,
    series: humanSeries(
      measures,
      windows.current,
      input.period === "today" ? "hour" : "day",
      input.timezone,
    ),
    comparison: previous
      ? { window: isoWindow(windows.previous), ...previous, deltas: deltas(current, previous) }
      : null,
    reads: { auditQueries: queries, conversationReads: ids.length, staffReads: activity.length },
  };
}

export type StatsHumans = Awaited<ReturnType<typeof statsHumans>>;
