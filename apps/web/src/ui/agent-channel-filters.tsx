"use client";

import { CHANNELS, type Channel } from "@agents-crm/config/channels";
import type { AgentListItem } from "~/features/console/types";
import { AgentOptions, ChannelOptions } from "./filter-options";
import { FilterSelect } from "./filter-select";

/** The agent and channel selects that the inbox's and the board's filter bars share. */
export function AgentChannelFilters<F extends { agentId?: string; channel?: Channel }>({
  filters,
  onChange,
  agents,
  text,
  testIdPrefix,
}: {
  filters: F;
  onChange: (next: F) => void;
  agents: readonly AgentListItem[];
  text: { agent: string; channel: string; all: string; inactive: (name: string) => string };
  /** "filter" gives data-testid "filter-agent" and "filter-channel". */
  testIdPrefix: string;
}) {
  return (
    <>
      <FilterSelect
        label={text.agent}
        value={filters.agentId}
        anyLabel={text.all}
        onChange={(agentId) => onChange({ ...filters, agentId })}
        testId={`${testIdPrefix}-agent`}
      >
        <AgentOptions agents={agents} inactive={text.inactive} />
      </FilterSelect>
      <FilterSelect
        label={text.channel}
        value={filters.channel}
        anyLabel={text.all}
        onChange={(value) => onChange({ ...filters, channel: CHANNELS.find((c) => c === value) })}
        testId={`${testIdPrefix}-channel`}
      >
        <ChannelOptions />
      </FilterSelect>
    </>
  );
}
