"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  compactFilters,
  filtersToQuery,
  sameFilters,
  withViewer,
  type ConversationFilters,
} from "./conversation-filters";
import { AssigneeViews } from "~/features/assignment/assignee-views";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { useNow } from "~/features/console/use-now";
import { ConversationFiltersBar } from "./conversation-filters-bar";
import { KeyboardShortcuts } from "~/features/shortcuts/keyboard-shortcuts";
import { ConversationRows } from "./conversation-rows";
import { StatusCounters } from "./status-counters";
import { useConversationList } from "./use-conversation-list";
import { LoadFailed } from "~/ui/load-failed";
import { CursorList } from "~/ui/cursor-list";
import admin from "~/ui/admin-page.module.css";
import { PeopleResults } from "~/features/contacts/people-results";

/** `/admin/conversations`: the live inbox. Filters live in the query string, so a reload keeps them. */
export function ConversationsInbox({ initialFilters }: { initialFilters: ConversationFilters }) {
  const t = useT("conversations");
  const pathname = usePathname();
  const [filters, setFiltersState] = useState(initialFilters);
  const { user } = useSession();
  const listed = useMemo(() => withViewer(filters, user.userId), [filters, user.userId]);
  const list = useConversationList(listed);
  const waiting = list.rows.some((row) => row.status === "NEEDS_HUMAN");
  const now = useNow(waiting ? 1_000 : 30_000);

  const setFilters = useCallback((next: ConversationFilters) => {
    const compact = compactFilters(next);
    setFiltersState((current) => (sameFilters(current, compact) ? current : compact));
  }, []);

  useEffect(() => {
    window.history.replaceState(window.history.state, "", `${pathname}${filtersToQuery(filters)}`);
  }, [filters, pathname]);

  return (
    <section className={admin.page} aria-labelledby="inbox-title">
      <div className={admin.header}>
        <h1 id="inbox-title">{t.title}</h1>
        <StatusCounters
          active={filters.status}
          onSelect={(status) => setFilters({ ...filters, status })}
        />
      </div>
      <AssigneeViews
        assignee={filters.assignee}
        onSelect={(assignee) => setFilters({ ...filters, assignee })}
      />
      <ConversationFiltersBar filters={filters} onChange={setFilters} />
      <PeopleResults search={filters.search} />
      {list.error !== null && (
        <LoadFailed
          message={list.error || t.inbox.loadFailed}
          onRetry={list.reload}
          retryLabel={t.inbox.retry}
        />
      )}
      <CursorList
        list={list}
        count={list.rows.length}
        loadingText={t.inbox.loading}
        empty={
          <p className="muted" data-testid="inbox-empty">
            {Object.keys(filters).length > 0 ? t.inbox.emptyFiltered : t.inbox.empty}
          </p>
        }
        more={{ testId: "load-more", label: t.inbox.loadMore, loadingLabel: t.inbox.loadingMore }}
      >
        <ConversationRows rows={list.rows} now={now} />
      </CursorList>
      <KeyboardShortcuts />
    </section>
  );
}
