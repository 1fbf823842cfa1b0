import { MAX_AGENT_ID } from "@agents-crm/config/agent-config";
import { CHANNELS } from "@agents-crm/config/channels";
import { isValidLabel, normalizeLabel } from "~/features/contacts/label-text";
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
  const label = normalizeLabel(first(params, "label") ?? "");
  return {
    ...(agentId && agentId.length <= MAX_AGENT_ID ? { agentId } : {}),
    ...(channel ? { channel } : {}),
    ...(label && isValidLabel(label) ? { label } : {}),
  };
}

export function boardFiltersToQuery(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.agentId) params.set("agent", filters.agentId);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.label) params.set("label", filters.label);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Without unset keys, so an unchanged choice does not reload the board. */
export function compactBoardFilters(filters: BoardFilters): BoardFilters {
  return boardFiltersFromParams({
    agent: filters.agentId,
    channel: filters.channel,
    label: filters.label,
  });
}

export function sameBoardFilters(a: BoardFilters, b: BoardFilters): boolean {
  return (
    (a.agentId ?? "") === (b.agentId ?? "") &&
    (a.channel ?? "") === (b.channel ?? "") &&
    (a.label ?? "") === (b.label ?? "")
  );
}
