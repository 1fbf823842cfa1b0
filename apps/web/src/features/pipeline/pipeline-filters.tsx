"use client";

import type { useAgents } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { FilterBar } from "~/ui/filter-bar";
import { AgentChannelFilters } from "~/ui/agent-channel-filters";
import type { BoardFilters } from "./board-state";

/** The board's agent and channel filters. */
export function PipelineFilters({
  filters,
  onChange,
  agents,
}: {
  filters: BoardFilters;
  onChange: (next: BoardFilters) => void;
  agents: ReturnType<typeof useAgents>["agents"];
}) {
  const t = useT("pipeline").filters;
  return (
    <FilterBar
      label={t.label}
      clearLabel={t.clear}
      canClear={Boolean(filters.agentId ?? filters.channel)}
      onClear={() => onChange({})}
    >
      <AgentChannelFilters
        filters={filters}
        onChange={onChange}
        agents={agents}
        text={t}
        testIdPrefix="pipeline-filter"
      />
    </FilterBar>
  );
}
