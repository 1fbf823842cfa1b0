import type { ConversationFacts, MessageFacts } from "./stats-source";
import { addDays, instantOf, localTimeIn, midnight } from "@agents-crm/config/time-zone";
import type { TimeWindow } from "./periods";

export type SeriesBucket = "hour" | "day";

export interface SeriesPoint {
  /** Start of the bucket (an hour, or a local day in the summary's zone). */
  from: string;
  conversations: number;
  escalations: number;
  messages: number;
  costUsd: number;
}

export interface StatsSeries {
  bucket: SeriesBucket;
  points: SeriesPoint[];
}

const HOUR_MS = 3_600_000;

/** Bucket starts covering the window: whole hours for a day, local midnights for longer periods. */
export function bucketStarts(window: TimeWindow, bucket: SeriesBucket, timeZone: string): number[] {
  const end = window.to.getTime();
  const starts: number[] = [];
  if (bucket === "hour") {
    for (let t = window.from.getTime(); t < end || starts.length === 0; t += HOUR_MS)
      starts.push(t);
    return starts;
  }
  let day = midnight(localTimeIn(window.from, timeZone));
  for (let t = window.from.getTime(); t < end || starts.length === 0;) {
    starts.push(t);
    day = addDays(day, 1);
    t = instantOf(day, timeZone).getTime();
  }
  return starts;
}

/** Index of the last start at or before `ms` (starts ascend), or -1 when it is before all of them. */
export function bucketOf(starts: readonly number[], ms: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The period's activity over time, counted like the totals: conversations by creation, an escalation
 * at its first escalating turn in the window (else when it was marked as needing a human), messages
 * and LLM cost when they arrived.
 */
export function timeSeries(
  window: TimeWindow,
  bucket: SeriesBucket,
  timeZone: string,
  conversations: readonly ConversationFacts[],
  messages: readonly MessageFacts[],
): StatsSeries {
  const starts = bucketStarts(window, bucket, timeZone);
  const points: SeriesPoint[] = starts.map((ms) => ({
    from: new Date(ms).toISOString(),
    conversations: 0,
    escalations: 0,
    messages: 0,
    costUsd: 0,
  }));
  const from = window.from.getTime();
  const to = window.to.getTime();
  const at = (ms: number) => (ms >= from && ms <= to ? points[bucketOf(starts, ms)] : undefined);
  for (const c of conversations) {
    const point = at(Date.parse(c.createdAt));
    if (point) point.conversations++;
  }
  const escalatedAt = new Map<string, number>();
  for (const m of messages) {
    const point = at(m.at);
    if (!point) continue;
    point.messages++;
    if (m.role === "agent" && m.usage) point.costUsd += m.usage.costUsd;
    const seen = escalatedAt.get(m.conversationId);
    if (m.escalationType !== null && (seen === undefined || m.at < seen)) {
      escalatedAt.set(m.conversationId, m.at);
    }
  }
  for (const c of conversations) {
    if (escalatedAt.has(c.conversationId) || c.needsHumanSince === null) continue;
    const ms = Date.parse(c.needsHumanSince);
    if (at(ms)) escalatedAt.set(c.conversationId, ms);
  }
  for (const ms of escalatedAt.values()) {
    const point = at(ms);
    if (point) point.escalations++;
  }
  for (const point of points) point.costUsd = Math.round(point.costUsd * 1e6) / 1e6;
  return { bucket, points };
}
