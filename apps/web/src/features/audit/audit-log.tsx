"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useBrowserValue } from "~/ui/use-browser-value";
import {
  auditFiltersToQuery,
  compactAuditFilters,
  rangeProblem,
  sameAuditFilters,
  type AuditFilters,
} from "./audit-filters";
import { viewerTimeZone } from "~/lib/zoned-time";
import { useT } from "~/i18n/i18n-provider";
import { AuditEntries } from "./audit-entries";
import { AuditExport } from "./audit-export";
import { AuditFiltersBar } from "./audit-filters-bar";
import { useAuditList } from "./use-audit-list";
import { LoadFailed } from "~/ui/load-failed";
import { CursorList } from "~/ui/cursor-list";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import admin from "~/ui/admin-page.module.css";
import styles from "./audit.module.css";

/** `/admin/audit`: who did what, grouped by day in the viewer's zone; filters live in the URL. */
export function AuditLog({ initialFilters }: { initialFilters: AuditFilters }) {
  const t = useT("audit");
  const common = useT("common");
  const pathname = usePathname();
  const [filters, setFiltersState] = useState(initialFilters);
  // The server cannot know the viewer's zone; the list waits for the browser's.
  const timeZone = useBrowserValue<string | null>(viewerTimeZone, null);

  const setFilters = useCallback((next: AuditFilters) => {
    const compact = compactAuditFilters(next);
    setFiltersState((current) => (sameAuditFilters(current, compact) ? current : compact));
  }, []);

  useEffect(() => {
    window.history.replaceState(
      window.history.state,
      "",
      `${pathname}${auditFiltersToQuery(filters)}`,
    );
  }, [filters, pathname]);

  return (
    <section className={admin.page} aria-labelledby="audit-title">
      <div className={admin.header}>
        <div>
          <h1 id="audit-title">{t.title}</h1>
          <p className="muted">
            {t.intro}
            {timeZone && ` ${t.timeZoneNote(timeZone)}.`}
          </p>
        </div>
        {timeZone && <AuditExport filters={filters} timeZone={timeZone} />}
      </div>
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      {rangeProblem(filters) ? (
        <Notice tone="danger" role="alert" data-testid="audit-range-error">
          {t.filters.rangeBackwards}
        </Notice>
      ) : timeZone ? (
        <AuditResults filters={filters} timeZone={timeZone} />
      ) : (
        <p className="muted" role="status">
          {common.actions.loading}
        </p>
      )}
    </section>
  );
}

function AuditResults({ filters, timeZone }: { filters: AuditFilters; timeZone: string }) {
  const t = useT("audit");
  const list = useAuditList(filters, timeZone);
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <div className={list.stale ? styles.stale : styles.toolbar}>
        {list.stale ? (
          <span role="status" data-testid="audit-stale">
            {t.live.newActivity}
          </span>
        ) : (
          <span className="muted">{t.live.manual}</span>
        )}
        <Button size="sm" onClick={list.reload} data-testid="audit-refresh">
          {t.live.refresh}
        </Button>
      </div>
      {list.error !== null && <LoadFailed message={t.loadError} onRetry={list.reload} />}
      <CursorList
        list={list}
        count={list.entries.length}
        loadingText={t.loading}
        empty={
          <p className={admin.empty} data-testid="audit-empty">
            {filtered ? t.emptyFiltered : t.empty}
          </p>
        }
        more={{ testId: "audit-load-more" }}
      >
        <AuditEntries entries={list.entries} timeZone={timeZone} />
      </CursorList>
    </>
  );
}
