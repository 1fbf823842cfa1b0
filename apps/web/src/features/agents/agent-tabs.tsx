"use client";

import { useState, type ReactNode } from "react";
import type { AgentTab } from "./agent-tab";
import { useT } from "~/i18n/i18n-provider";
import styles from "./agents.module.css";

/**
 * Tabs over one agent. A tab is mounted on first visit and then only hidden, so switching never
 * loses a playground conversation or the wizard's place; `?tab=` follows for reloads and links.
 */
export function AgentTabs({
  initial,
  panels,
}: {
  initial: AgentTab;
  panels: Partial<Record<AgentTab, ReactNode>>;
}) {
  const t = useT("agents");
  const [tab, setTab] = useState<AgentTab>(initial);
  const [visited, setVisited] = useState<ReadonlySet<AgentTab>>(() => new Set([initial]));
  const tabs = (Object.keys(panels) as AgentTab[]).filter((key) => panels[key] !== undefined);

  const open = (next: AgentTab) => {
    setTab(next);
    setVisited((current) => new Set([...current, next]));
    const url = new URL(window.location.href);
    url.searchParams.set("tab", next);
    url.searchParams.delete("created");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
  };

  return (
    <>
      <div role="tablist" aria-label={t.tabs.label} className={styles.tabs}>
        {tabs.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`agent-tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`agent-panel-${key}`}
            tabIndex={tab === key ? 0 : -1}
            data-testid={`agent-tab-${key}`}
            onClick={() => open(key)}
            onKeyDown={(event) => {
              const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
              if (step === 0) return;
              const next = tabs[(tabs.indexOf(key) + step + tabs.length) % tabs.length];
              if (next) {
                open(next);
                document.getElementById(`agent-tab-${next}`)?.focus();
              }
            }}
          >
            {t.tabs[key]}
          </button>
        ))}
      </div>
      {tabs.map((key) => (
        <div
          key={key}
          role="tabpanel"
          id={`agent-panel-${key}`}
          aria-labelledby={`agent-tab-${key}`}
          hidden={tab !== key}
        >
          {visited.has(key) && panels[key]}
        </div>
      ))}
    </>
  );
}
