import { AGENT_ID_PATTERN, isValidTimeZone } from "@agents-crm/config/agent-config";
import { statsPeriodSchema } from "@agents-crm/config/stats";
import { z } from "zod";
import type { ApiDeps } from "../../deps";
import { loadPipeline } from "../stages/pipeline-stages";
import { aggregate, deltas, type StatsValues } from "./aggregate";
import { periodWindows, type TimeWindow } from "./periods";
import { timeSeries, type StatsSeries } from "./series";
import { messagesBetween, type MessageFacts } from "./stats-source";

export const statsSummaryInputSchema = z.object({
  period: statsPeriodSchema.default("today"),
  compare: z.boolean().default(false),
  timezone: z
    .string()
    .trim()
    .default("UTC")
    .refine(isValidTimeZone, "must be an IANA time zone (e.g. Europe/Berlin)"),
  agentId: z.string().regex(AGENT_ID_PATTERN).optional(),
});
export type StatsSummaryInput = z.output<typeof statsSummaryInputSchema>;

/** Message reads per conversation run this many at a time. */
const MESSAGE_QUERY_CONCURRENCY = 8;

export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const isoWindow = (w: TimeWindow) => ({ from: w.from.toISOString(), to: w.to.toISOString() });

export interface StatsSummary extends StatsValues {
  period: StatsSummaryInput["period"];
  timezone: string;
  agentId: string | null;
  window: { from: string; to: string };
  /** The current window over time: hours for `today`, local days for longer periods. */
  series: StatsSeries;
  comparison: (StatsValues & { window: { from: string; to: string }; deltas: StatsValues }) | null;
  /** Conversations and messages expire after MESSAGE_TTL_HOURS: older activity is no longer counted. */
  retention: { messageTtlHours: number; availableFrom: string | null; complete: boolean };
  /** What the summary read: one range query for conversations, one per active conversation for messages. */
  reads: { conversations: number; messageQueries: number };
}

/**
 * Counts for a period, computed from stored rows with range reads only (no Scan): conversations with
 * activity since the earliest window start (activity index), then each one's messages in range (ULID
 * sort key). Work grows with the conversations active in the period, not with the table.
 */
export async function statsSummary(
  deps: Pick<ApiDeps, "repos" | "env">,
  input: StatsSummaryInput,
  now: Date,
): Promise<StatsSummary> {
  const windows = periodWindows(input.period, now, input.timezone);
  const since = input.compare ? windows.previous.from : windows.current.from;
  const [pipeline, conversations] = await Promise.all([
    loadPipeline(deps.repos),
    deps.repos.stats.conversationsActiveSince({ since, now, agentId: input.agentId }),
  ]);
  const messages: MessageFacts[] = (
    await mapLimit(conversations, MESSAGE_QUERY_CONCURRENCY, (c) =>
      messagesBetween(deps, c.conversationId, { from: since, to: now, now }),
    )
  ).flat();
  const stageIds = pipeline.stages.map((s) => s.id);
  const current = aggregate(windows.current, stageIds, conversations, messages);
  const previous = input.compare
    ? aggregate(windows.previous, stageIds, conversations, messages)
    : null;
  const ttlHours = deps.env.MESSAGE_TTL_HOURS;
  const availableFrom = ttlHours > 0 ? new Date(now.getTime() - ttlHours * 3_600_000) : null;
  return {
    period: input.period,
    timezone: input.timezone,
    agentId: input.agentId ?? null,
    window: isoWindow(windows.current),
    ...current,
    series: timeSeries(
      windows.current,
      input.period === "today" ? "hour" : "day",
      input.timezone,
      conversations,
      messages,
    ),
    comparison: previous
      ? { window: isoWindow(windows.previous), ...previous, deltas: deltas(current, previous) }
      : null,
    retention: {
      messageTtlHours: ttlHours,
      availableFrom: availableFrom?.toISOString() ?? null,
      complete: availableFrom === null || availableFrom.getTime() <= since.getTime(),
    },
    reads: { conversations: conversations.length, messageQueries: conversations.length },
  };
}
