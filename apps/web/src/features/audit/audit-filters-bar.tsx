"use client";

import { useEffect, useState } from "react";
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from "./audit-actions";
import type { AuditFilters } from "./audit-filters";
import { useT } from "~/i18n/i18n-provider";
import { useAuditActors } from "./use-audit-actors";
import { FilterBar } from "~/ui/filter-bar";
import { FilterSelect } from "~/ui/filter-select";
import { TextInput } from "~/ui/inputs";

const TARGET_DEBOUNCE_MS = 400;
const MACHINE_ACTOR = "machine";

export function AuditFiltersBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}) {
  const t = useT("audit");
  const { users: actors } = useAuditActors();
  const [target, setTarget] = useState(filters.target ?? "");

  useEffect(() => setTarget(filters.target ?? ""), [filters.target]);
  useEffect(() => {
    if (target.trim() === (filters.target ?? "")) return;
    const timer = setTimeout(
      () => onChange({ ...filters, target: target.trim() || undefined }),
      TARGET_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [target, filters, onChange]);

  const knownActor =
    !filters.actor ||
    filters.actor === MACHINE_ACTOR ||
    actors.some((u) => u.userId === filters.actor);
  const backwards = Boolean(filters.from && filters.to && filters.from > filters.to);

  return (
    <FilterBar
      label={t.filters.label}
      clearLabel={t.filters.clear}
      canClear={Object.values(filters).some(Boolean)}
      onClear={() => onChange({})}
    >
      <FilterSelect
        label={t.filters.actor}
        value={filters.actor}
        anyLabel={t.filters.anyone}
        onChange={(actor) => onChange({ ...filters, actor })}
        testId="audit-filter-actor"
      >
        {actors.map((user) => (
          <option key={user.userId} value={user.userId}>
            {user.name} ({user.email})
          </option>
        ))}
        <option value={MACHINE_ACTOR}>{t.filters.apiToken}</option>
        {!knownActor && <option value={filters.actor}>{filters.actor}</option>}
      </FilterSelect>
      <FilterSelect
        label={t.filters.action}
        value={filters.action}
        anyLabel={t.filters.anyAction}
        onChange={(action) => onChange({ ...filters, action })}
        testId="audit-filter-action"
      >
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {t.actionNames[action]}
          </option>
        ))}
        {filters.action && !(AUDIT_ACTIONS as readonly string[]).includes(filters.action) && (
          <option value={filters.action}>{filters.action}</option>
        )}
      </FilterSelect>
      <FilterSelect
        label={t.filters.type}
        value={filters.type}
        anyLabel={t.filters.anyType}
        onChange={(type) => onChange({ ...filters, type })}
        testId="audit-filter-type"
      >
        {AUDIT_RESOURCE_TYPES.map((type) => (
          <option key={type} value={type}>
            {t.types[type]}
          </option>
        ))}
      </FilterSelect>
      <label>
        <span>{t.filters.target}</span>
        <TextInput
          type="search"
          value={target}
          placeholder={t.filters.targetPlaceholder}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="audit-filter-target"
        />
      </label>
      <label>
        <span>{t.filters.from}</span>
        <TextInput
          type="date"
          value={filters.from ?? ""}
          max={filters.to}
          aria-invalid={backwards}
          onChange={(e) => onChange({ ...filters, from: e.target.value || undefined })}
          data-testid="audit-filter-from"
        />
      </label>
      <label>
        <span>{t.filters.to}</span>
        <TextInput
          type="date"
          value={filters.to ?? ""}
          min={filters.from}
          onChange={(e) => onChange({ ...filters, to: e.target.value || undefined })}
          data-testid="audit-filter-to"
        />
      </label>
    </FilterBar>
  );
}
