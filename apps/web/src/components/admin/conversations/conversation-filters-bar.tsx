"use client";

import { useEffect, useState } from "react";
import type { ConversationFilters } from "../../../lib/admin/conversation-filters";
import { CHANNELS, CONVERSATION_STATUSES } from "../../../lib/admin/types";
import { useT } from "../../i18n/i18n-provider";
import { useAgents, useStages } from "../use-lookups";
import admin from "../admin-page.module.css";

const SEARCH_DEBOUNCE_MS = 350;

const pick = <T extends string>(values: readonly T[], raw: string): T | undefined =>
  values.find((v) => v === raw);

export function ConversationFiltersBar({
  filters,
  onChange,
}: {
  filters: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
}) {
  const common = useT("common");
  const t = useT("conversations").filters;
  const { agents } = useAgents();
  const { stages } = useStages();
  const [search, setSearch] = useState(filters.search ?? "");

  useEffect(() => setSearch(filters.search ?? ""), [filters.search]);
  useEffect(() => {
    if (search.trim() === (filters.search ?? "")) return;
    const timer = setTimeout(
      () => onChange({ ...filters, search: search.trim() || undefined }),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const hasFilters = Object.values(filters).some(Boolean);
  return (
    <form className={admin.filters} role="search" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t.search}</span>
        <input
          type="search"
          value={search}
          placeholder={t.searchPlaceholder}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="filter-search"
        />
      </label>
      <label>
        <span>{t.status}</span>
        <select
          value={filters.status ?? ""}
          onChange={(e) =>
            onChange({ ...filters, status: pick(CONVERSATION_STATUSES, e.target.value) })
          }
          data-testid="filter-status"
        >
          <option value="">{t.all}</option>
          {CONVERSATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {common.statuses[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.agent}</span>
        <select
          value={filters.agentId ?? ""}
          onChange={(e) => onChange({ ...filters, agentId: e.target.value || undefined })}
          data-testid="filter-agent"
        >
          <option value="">{t.all}</option>
          {agents.map((agent) => (
            <option key={agent.agentId} value={agent.agentId}>
              {agent.isActive ? agent.card.displayName : t.inactive(agent.card.displayName)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.channel}</span>
        <select
          value={filters.channel ?? ""}
          onChange={(e) => onChange({ ...filters, channel: pick(CHANNELS, e.target.value) })}
          data-testid="filter-channel"
        >
          <option value="">{t.all}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {common.channels[channel]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.stage}</span>
        <select
          value={filters.stage ?? ""}
          onChange={(e) => onChange({ ...filters, stage: e.target.value || undefined })}
          data-testid="filter-stage"
        >
          <option value="">{t.all}</option>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
      </label>
      {hasFilters && (
        <button type="button" className={admin.clear} onClick={() => onChange({})}>
          {t.clear}
        </button>
      )}
    </form>
  );
}
