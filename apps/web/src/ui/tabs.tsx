"use client";

import type { KeyboardEvent, ReactNode } from "react";
import { tabAfterKey } from "./tab-keys";
import styles from "./tabs.module.css";

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

const tabId = (idPrefix: string, key: string) => `${idPrefix}-tab-${key}`;
const panelId = (idPrefix: string, key: string) => `${idPrefix}-panel-${key}`;

/**
 * A row of tabs (WAI-ARIA tabs pattern): only the selected tab is in the Tab order; arrow keys,
 * Home and End move between tabs and select the one reached. Panels are `<TabPanel>`s with the same
 * `idPrefix`, so each tab names its panel and each panel its tab.
 */
export function Tabs<K extends string>({
  label,
  idPrefix,
  items,
  selected,
  onSelect,
  testIdPrefix,
}: {
  label: string;
  idPrefix: string;
  items: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** Each tab's data-testid is `${testIdPrefix}-${key}`. */
  testIdPrefix?: string;
}) {
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const to = tabAfterKey(event.key, index, items.length);
    const next = to === null ? undefined : items[to];
    if (!next) return;
    event.preventDefault();
    onSelect(next.key);
    document.getElementById(tabId(idPrefix, next.key))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.tabs}>
      {items.map((item, index) => (
        <button
          key={item.key}
          type="button"
          role="tab"
          id={tabId(idPrefix, item.key)}
          className={styles.tab}
          aria-selected={item.key === selected}
          aria-controls={panelId(idPrefix, item.key)}
          tabIndex={item.key === selected ? 0 : -1}
          data-testid={testIdPrefix ? `${testIdPrefix}-${item.key}` : undefined}
          onClick={() => onSelect(item.key)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

/** The panel of one tab; hidden (not unmounted) while another tab is selected. */
export function TabPanel({
  idPrefix,
  tab,
  selected,
  children,
}: {
  idPrefix: string;
  tab: string;
  selected: boolean;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(idPrefix, tab)}
      aria-labelledby={tabId(idPrefix, tab)}
      hidden={!selected}
    >
      {children}
    </div>
  );
}
