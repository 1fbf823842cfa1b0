"use client";

import { CHANNELS } from "@agents-crm/config/channels";
import type { AgentListItem } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";

/** The agents to filter by; an inactive one says so, since its old conversations still show. */
export function AgentOptions({
  agents,
  inactive,
}: {
  agents: readonly AgentListItem[];
  inactive: (name: string) => string;
}) {
  return agents.map((agent) => (
    <option key={agent.agentId} value={agent.agentId}>
      {agent.isActive ? agent.card.displayName : inactive(agent.card.displayName)}
    </option>
  ));
}

export function ChannelOptions() {
  const common = useT("common");
  return CHANNELS.map((channel) => (
    <option key={channel} value={channel}>
      {common.channels[channel]}
    </option>
  ));
}
