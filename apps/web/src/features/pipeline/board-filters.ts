import { MAX_AGENT_ID } from "@agents-crm/config/agent-config";
import { CHANNELS } from "@agents-crm/config/channels";
import type { BoardFilters } from "./board-state";

type Params = Record<string, string | string[] | undefined>;

const first = (params: Params, key: string) => {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
};

/** The board's filters from `?agent=…&channel=…` (unknown channels and ids longer than any agent's are dropped). */
export function boardFiltersFromParams(params: Params): BoardFilters {
  const agentId = first(params, "agent");
  const channel = CHANNELS.find((c) => c === first(params, "channel"));
  return {
    ...(agentId && agentId.length <= MAX_AGENT_ID ? { agentId } : {}),
    ...(channel ? { channel } : {}),
  };
}

export function boardFiltersToQuery(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.agentId) params.set("agent", filters.agentId);
  if (filters.channel) params.set("channel", filters.channel);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Without unset keys, so an unchanged choice does not reload the board. */
export function compactBoardFilters(filters: BoardFilters): BoardFilters {
  return boardFiltersFromParams({ agent: filters.agentId, channel: filters.channel });
}

export function sameBoardFilters(a: BoardFilters, b: BoardFilters): boolean {
  return (a.agentId ?? "") === (b.agentId ?? "") && (a.channel ?? "") === (b.channel ?? "");
}
