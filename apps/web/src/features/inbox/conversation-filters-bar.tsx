"use client";

import { useEffect, useState } from "react";
import { INBOX_STATUSES, type ConversationFilters } from "./conversation-filters";
import { useT } from "~/i18n/i18n-provider";
import { FilterBar } from "~/ui/filter-bar";
import { AgentChannelFilters } from "~/ui/agent-channel-filters";
import { FilterSelect } from "~/ui/filter-select";
import { TextInput } from "~/ui/inputs";
import { useAgents, useStages } from "~/features/console/use-lookups";
import { LabelFilter } from "~/features/contacts/label-filter";
import { useLabelsInUse } from "~/features/contacts/use-labels-in-use";

const SEARCH_DEBOUNCE_MS = 350;

const pick = <T extends string>(values: readonly T[], raw: string | undefined): T | undefined =>
  values.find((v) => v === raw);

export function ConversationFiltersBar({
  filters,
  onChange,
}: {
  filters: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
}) {
  const common = useT("common");
  const { filters: t, inbox } = useT("conversations");
  const { agents } = useAgents();
  const { stages } = useStages();
  const labels = useT("contacts").labels;
  const knownLabels = useLabelsInUse();
  const [search, setSearch] = useState(filters.search ?? "");

  // Filters changed elsewhere (a counter, the URL): the box shows them.
  const [shownFor, setShownFor] = useState(filters.search);
  if (shownFor !== filters.search) {
    setShownFor(filters.search);
    setSearch(filters.search ?? "");
  }
  useEffect(() => {
    if (search.trim() === (filters.search ?? "")) return;
    const timer = setTimeout(
      () => onChange({ ...filters, search: search.trim() || undefined }),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  return (
    <FilterBar
      clearLabel={t.clear}
      canClear={Object.values(filters).some(Boolean)}
      onClear={() => onChange({})}
    >
      <label>
        <span>{t.search}</span>
        <TextInput
          type="search"
          value={search}
          placeholder={t.searchPlaceholder}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="filter-search"
        />
      </label>
      <FilterSelect
        label={t.status}
        value={filters.status}
        anyLabel={t.all}
        onChange={(value) => onChange({ ...filters, status: pick(INBOX_STATUSES, value) })}
        testId="filter-status"
      >
        {INBOX_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status === "SNOOZED" ? inbox.snoozed : common.statuses[status]}
          </option>
        ))}
      </FilterSelect>
      <AgentChannelFilters
        filters={filters}
        onChange={onChange}
        agents={agents}
        text={t}
        testIdPrefix="filter"
      />
      <FilterSelect
        label={t.stage}
        value={filters.stage}
        anyLabel={t.all}
        onChange={(stage) => onChange({ ...filters, stage })}
        testId="filter-stage"
      >
        {stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.name}
          </option>
        ))}
      </FilterSelect>
      <LabelFilter
        label={labels.label}
        value={filters.label}
        known={knownLabels}
        onChange={(label) => onChange({ ...filters, label })}
        testId="filter-label"
      />
    </FilterBar>
  );
}
