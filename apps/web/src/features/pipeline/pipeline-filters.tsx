"use client";

import { CHANNELS } from "@agents-crm/config/channels";
import type { useAgents } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { FilterBar } from "~/ui/filter-bar";
import { AgentOptions, ChannelOptions } from "~/ui/filter-options";
import { FilterSelect } from "~/ui/filter-select";
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
      <FilterSelect
        label={t.agent}
        value={filters.agentId}
        anyLabel={t.all}
        onChange={(agentId) => onChange({ ...filters, agentId })}
        testId="pipeline-filter-agent"
      >
        <AgentOptions agents={agents} inactive={t.inactive} />
      </FilterSelect>
      <FilterSelect
        label={t.channel}
        value={filters.channel}
        anyLabel={t.all}
        onChange={(value) => onChange({ ...filters, channel: CHANNELS.find((c) => c === value) })}
        testId="pipeline-filter-channel"
      >
        <ChannelOptions />
      </FilterSelect>
    </FilterBar>
  );
}
