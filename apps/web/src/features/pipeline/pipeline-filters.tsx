"use client";

import type { useAgents } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { FilterBar } from "~/ui/filter-bar";
import { AgentChannelFilters } from "~/ui/agent-channel-filters";
import { LabelFilter } from "~/features/contacts/label-filter";
import type { BoardFilters } from "./board-state";

/** The board's agent and channel filters. */
export function PipelineFilters({
  filters,
  onChange,
  agents,
  knownLabels,
}: {
  filters: BoardFilters;
  onChange: (next: BoardFilters) => void;
  agents: ReturnType<typeof useAgents>["agents"];
  /** Labels on the cards loaded, offered as suggestions. */
  knownLabels: readonly string[];
}) {
  const t = useT("pipeline").filters;
  const labels = useT("contacts").labels;
  return (
    <FilterBar
      label={t.label}
      clearLabel={t.clear}
      canClear={Boolean(filters.agentId ?? filters.channel ?? filters.label)}
      onClear={() => onChange({})}
    >
      <AgentChannelFilters
        filters={filters}
        onChange={onChange}
        agents={agents}
        text={t}
        testIdPrefix="pipeline-filter"
      />
      <LabelFilter
        label={labels.label}
        value={filters.label}
        known={knownLabels}
        onChange={(label) => onChange({ ...filters, label })}
        testId="pipeline-filter-label"
      />
    </FilterBar>
  );
}
