import { STATS_PERIODS } from "@agents-crm/config/stats";
import { AGENT_ID_PATTERN } from "@agents-crm/config/agent-config";
import type { StatsPeriod } from "./types";

/** The stats page's choices, kept in the query string so a link opens the same view. */
export interface StatsView {
  period: StatsPeriod;
  compare: boolean;
  agentId?: string;
}

export function statsViewFromParams(
  params: Record<string, string | string[] | undefined>,
): StatsView {
  const read = (key: string) => {
    const raw = params[key];
    return (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  };
  const period = STATS_PERIODS.find((p) => p === read("period")) ?? "today";
  const agent = read("agent");
  return {
    period,
    // Comparing is what people look at stats for; `compare=0` turns it off.
    compare: read("compare") !== "0",
    ...(AGENT_ID_PATTERN.test(agent) ? { agentId: agent } : {}),
  };
}

export function statsViewToQuery(view: StatsView): string {
  const params = new URLSearchParams();
  if (view.period !== "today") params.set("period", view.period);
  if (!view.compare) params.set("compare", "0");
  if (view.agentId) params.set("agent", view.agentId);
  const query = params.toString();
  return query ? `?${query}` : "";
}
