"use client";

import { useEffect, useState } from "react";
import { CHANNELS } from "@agents-crm/config/channels";
import { useT } from "~/i18n/i18n-provider";
import { FilterBar } from "~/ui/filter-bar";
import { ChannelOptions } from "~/ui/filter-options";
import { FilterSelect } from "~/ui/filter-select";
import { TextInput } from "~/ui/inputs";
import { hasContactFilters, type ContactFilters } from "./contact-filters";
import { LabelFilter } from "./label-filter";
import styles from "./contacts.module.css";

const SEARCH_DEBOUNCE_MS = 350;

/** Search (name, phone in any format, e-mail, words, id), label and channel. */
export function ContactsFiltersBar({
  filters,
  knownLabels,
  onChange,
}: {
  filters: ContactFilters;
  knownLabels: readonly string[];
  onChange: (filters: ContactFilters) => void;
}) {
  const t = useT("contacts").filters;
  const [search, setSearch] = useState(filters.search ?? "");
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
      label={t.label}
      clearLabel={t.clear}
      canClear={hasContactFilters(filters)}
      onClear={() => onChange({})}
    >
      <label className={styles.searchField}>
        <span>{t.search}</span>
        <TextInput
          type="search"
          value={search}
          placeholder={t.searchPlaceholder}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="contacts-search"
        />
      </label>
      <LabelFilter
        label={t.label_}
        value={filters.label}
        known={knownLabels}
        onChange={(label) => onChange({ ...filters, label })}
        testId="contacts-filter-label"
      />
      <FilterSelect
        label={t.channel}
        value={filters.channel}
        anyLabel={t.all}
        onChange={(value) => onChange({ ...filters, channel: CHANNELS.find((c) => c === value) })}
        testId="contacts-filter-channel"
      >
        <ChannelOptions />
      </FilterSelect>
    </FilterBar>
  );
}
