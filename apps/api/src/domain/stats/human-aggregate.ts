import { durations, type Durations } from "./durations";
import type { HumanMeasures, Measured, Touch } from "./human-episodes";
import type { TimeWindow } from "./periods";
import { bucketOf, bucketStarts, type SeriesBucket } from "./series";

export interface HumanValues {
  takeovers: number;
  /** Escalation → take-over. */
  escalationToTakeoverMs: Durations | null;
  /** Escalation or take-over → the first staff message to the customer. */
  firstResponseMs: Durations | null;
  /** Escalation (else take-over) → resolved or closed. */
  timeToResolveMs: Durations | null;
  /** Conversations resolved or closed by staff. */
  resolved: number;
  /** Conversations staff took over, replied in, were assigned or resolved. */
  handled: number;
  realertsFired: number;
}

export interface StaffActivity {
  staffId: string;
  handled: number;
  resolved: number;
  firstResponseMs: Durations | null;
}

export interface HumanSeriesPoint {
  from: string;
  takeovers: number;
  resolved: number;
  realerts: number;
}

const inWindow = (w: TimeWindow) => (t: { at: number }) =>
  t.at >= w.from.getTime() && t.at <= w.to.getTime();

const distinct = (touches: readonly Touch[]) => new Set(touches.map((t) => t.conversationId)).size;
const ms = (measured: readonly Measured[]) => durations(measured.map((m) => m.ms));

/** The period's human numbers: durations counted in the period they ended in. */
export function humanValues(measures: HumanMeasures, window: TimeWindow): HumanValues {
  const within = inWindow(window);
  return {
    takeovers: measures.takeovers.filter(within).length,
    escalationToTakeoverMs: ms(measures.escalationToTakeover.filter(within)),
    firstResponseMs: ms(measures.firstResponse.filter(within)),
    timeToResolveMs: ms(measures.resolutions.filter(within)),
    resolved: distinct(measures.resolutions.filter(within)),
    handled: distinct(measures.handled.filter(within)),
    realertsFired: measures.realerts.filter(within).length,
  };
}

/** Per staff member: conversations handled and resolved, and their first responses; busiest first. */
export function staffActivity(measures: HumanMeasures, window: TimeWindow): StaffActivity[] {
  const within = inWindow(window);
  const byStaff = new Map<string, { handled: Touch[]; resolved: Touch[]; first: Measured[] }>();
  const of = (staffId: string) => {
    let row = byStaff.get(staffId);
    if (!row) byStaff.set(staffId, (row = { handled: [], resolved: [], first: [] }));
    return row;
  };
  for (const t of measures.handled.filter(within)) of(t.actorId).handled.push(t);
  for (const m of measures.resolutions.filter(within)) of(m.actorId).resolved.push(m);
  for (const m of measures.firstResponse.filter(within)) of(m.actorId).first.push(m);
  return [...byStaff]
    .map(([staffId, row]) => ({
      staffId,
      handled: distinct(row.handled),
      resolved: distinct(row.resolved),
      firstResponseMs: ms(row.first),
    }))
    .sort(
      (a, b) =>
        b.handled - a.handled || b.resolved - a.resolved || (a.staffId < b.staffId ? -1 : 1),
    );
}

/** Take-overs, resolves and re-alerts per bucket of the window (the same buckets as the summary). */
export function humanSeries(
  measures: HumanMeasures,
  window: TimeWindow,
  bucket: SeriesBucket,
  timeZone: string,
): { bucket: SeriesBucket; points: HumanSeriesPoint[] } {
  const starts = bucketStarts(window, bucket, timeZone);
  const points = starts.map((start) => ({
    from: new Date(start).toISOString(),
    takeovers: 0,
    resolved: 0,
    realerts: 0,
  }));
  const within = inWindow(window);
  const count = (touches: readonly Touch[], key: "takeovers" | "resolved" | "realerts") => {
    for (const t of touches.filter(within)) {
      const point = points[bucketOf(starts, t.at)];
      if (point) point[key]++;
    }
  };
  count(measures.takeovers, "takeovers");
  count(measures.resolutions, "resolved");
  count(measures.realerts, "realerts");
  return { bucket, points };
}
