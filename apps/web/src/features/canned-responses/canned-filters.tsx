"use client";

import {
  CANNED_LANGUAGES,
  cannedLanguageSchema,
  type CannedLanguage,
  type CannedSort,
} from "@agents-crm/config/canned-responses";
import { useAgents } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { Select, TextInput } from "~/ui/inputs";
import admin from "~/ui/admin-page.module.css";

export interface CannedFilterValues {
  search: string;
  sort: CannedSort;
  agentId: string;
  language: CannedLanguage | "";
}

/** Search, order, agent and language of the canned-responses list. */
export function CannedFilters({
  value,
  onChange,
}: {
  value: CannedFilterValues;
  onChange: (patch: Partial<CannedFilterValues>) => void;
}) {
  const t = useT("cannedResponses");
  const { agents } = useAgents();
  return (
    <div className={admin.filters} role="search">
      <label>
        {t.filters.search}
        <TextInput
          type="search"
          value={value.search}
          placeholder={t.filters.searchPlaceholder}
          onChange={(e) => onChange({ search: e.target.value })}
          data-testid="canned-search"
        />
      </label>
      <label>
        {t.filters.sort}
        <Select
          value={value.sort}
          onChange={(e) => onChange({ sort: e.target.value === "shortcut" ? "shortcut" : "use" })}
          data-testid="canned-sort"
        >
          <option value="use">{t.filters.byUse}</option>
          <option value="shortcut">{t.filters.byShortcut}</option>
        </Select>
      </label>
      <label>
        {t.filters.agent}
        <Select value={value.agentId} onChange={(e) => onChange({ agentId: e.target.value })}>
          <option value="">{t.filters.any}</option>
          {agents.map((agent) => (
            <option key={agent.agentId} value={agent.agentId}>
              {agent.card.displayName}
            </option>
          ))}
        </Select>
      </label>
      <label>
        {t.filters.language}
        <Select
          value={value.language}
          onChange={(e) => {
            const parsed = cannedLanguageSchema.safeParse(e.target.value);
            onChange({ language: parsed.success ? parsed.data : "" });
          }}
        >
          <option value="">{t.filters.any}</option>
          {CANNED_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t.languages[code]}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}
