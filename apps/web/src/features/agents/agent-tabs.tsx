"use client";

import { useState, type ReactNode } from "react";
import type { AgentTab } from "./agent-tab";
import { useT } from "~/i18n/i18n-provider";
import styles from "./agents.module.css";

/** Which agent tab is open and which were visited; `open` also keeps `?tab=` in the address. */
export function useAgentTabs(initial: AgentTab) {
  const [tab, setTab] = useState<AgentTab>(initial);
  const [visited, setVisited] = useState<ReadonlySet<AgentTab>>(() => new Set([initial]));
  const open = (next: AgentTab) => {
    setTab(next);
    setVisited((current) => new Set([...current, next]));
    const url = new URL(window.location.href);
    url.searchParams.set("tab", next);
    url.searchParams.delete("created");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
  };
  return { tab, visited, open };
}

export type AgentTabsState = ReturnType<typeof useAgentTabs>;

/**
 * Tabs over one agent. A tab is mounted on first visit and then only hidden, so switching never
 * loses a playground conversation or the wizard's place; `?tab=` follows for reloads and links.
 * `state` lets the page open a tab itself (a knowledge gap opening the settings).
 */
export function AgentTabs({
  initial,
  state,
  panels,
}: {
  initial: AgentTab;
  state?: AgentTabsState;
  panels: Partial<Record<AgentTab, ReactNode>>;
}) {
  const t = useT("agents");
  const own = useAgentTabs(initial);
  const { tab, visited, open } = state ?? own;
  const tabs = (Object.keys(panels) as AgentTab[]).filter((key) => panels[key] !== undefined);

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
