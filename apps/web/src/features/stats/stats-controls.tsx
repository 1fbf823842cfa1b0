"use client";

import { STATS_PERIODS } from "@agents-crm/config/stats";
import type { StatsView } from "./stats-query";
import { useT } from "~/i18n/i18n-provider";
import { useAgents } from "~/features/console/use-lookups";
import { Select } from "~/ui/inputs";
import styles from "./stats.module.css";

export function StatsControls({
  view,
  onChange,
}: {
  view: StatsView;
  onChange: (view: StatsView) => void;
}) {
  const t = useT("stats");
  const { agents } = useAgents();
  return (
    <form
      className={styles.controls}
      aria-label={t.controls.label}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className={styles.periods}>
        <legend>{t.controls.period}</legend>
        {STATS_PERIODS.map((period) => (
          <button
            key={period}
            type="button"
            aria-pressed={view.period === period}
            onClick={() => onChange({ ...view, period })}
            data-testid={`stats-period-${period}`}
          >
            {t.controls.periods[period]}
          </button>
        ))}
      </fieldset>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={view.compare}
          onChange={(e) => onChange({ ...view, compare: e.target.checked })}
          data-testid="stats-compare"
        />
        {t.controls.compare}
      </label>
      <label className={styles.agent}>
        <span>{t.controls.agent}</span>
        <Select
          className={styles.agentSelect}
          value={view.agentId ?? ""}
          onChange={(e) => onChange({ ...view, agentId: e.target.value || undefined })}
          data-testid="stats-agent"
        >
          <option value="">{t.controls.allAgents}</option>
          {agents.map((agent) => (
            <option key={agent.agentId} value={agent.agentId}>
              {agent.card.displayName}
            </option>
          ))}
        </Select>
      </label>
    </form>
  );
}
