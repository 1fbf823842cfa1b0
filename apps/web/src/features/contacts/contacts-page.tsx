"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSession } from "~/features/console/session-context";
import { useNow } from "~/features/console/use-now";
import { KeyboardShortcuts } from "~/features/shortcuts/keyboard-shortcuts";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { useErasedContacts } from "./use-erased-contacts";
import { PagedList } from "~/ui/paged-list";
import admin from "~/ui/admin-page.module.css";
import {
  contactFiltersFromParams,
  contactFiltersToQuery,
  hasContactFilters,
  type ContactFilters,
} from "./contact-filters";
import { ContactRow } from "./contact-row";
import { ContactsFiltersBar } from "./contacts-filters-bar";
import { CsvExportButton } from "./csv-export-button";
import { CsvImportButton } from "./csv-import-dialog";
import styles from "./contacts.module.css";

const PAGE_SIZE = 50;

/** `/admin/contacts`: every person, searchable and filterable; CSV out (and in, for owners and admins). */
export function ContactsPage({ initialFilters }: { initialFilters: ContactFilters }) {
  const t = useT("contacts");
  const pathname = usePathname();
  const { user } = useSession();
  // Whole-list export and import are for owners and admins (the API refuses operators).
  const manages = user.role === "owner" || user.role === "admin";
  const [filters, setFiltersState] = useState(initialFilters);
  const setFilters = useCallback(
    (next: ContactFilters) => setFiltersState(contactFiltersFromParams({ ...next })),
    [],
  );
  useEffect(() => {
    window.history.replaceState(
      window.history.state,
      "",
      `${pathname}${contactFiltersToQuery(filters)}`,
    );
  }, [filters, pathname]);

  const list = trpc.contacts.list.useInfiniteQuery(
    { ...filters, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  useErasedContacts();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const knownLabels = useMemo(
    () => [...new Set(items.flatMap((contact) => contact.labels))].sort(),
    [items],
  );
  const now = useNow(30_000);

  return (
    <section className={admin.page} aria-labelledby="contacts-title">
      <div className={admin.header}>
        <h1 id="contacts-title">{t.title}</h1>
        <div className={styles.toolbar}>
          {manages && <CsvExportButton filters={filters} />}
          {manages && <CsvImportButton />}
        </div>
      </div>
      <p className="muted">{t.intro}</p>
      <ContactsFiltersBar filters={filters} knownLabels={knownLabels} onChange={setFilters} />
      <PagedList
        query={list}
        count={items.length}
        text={{
          loadFailed: t.list.loadFailed,
          loading: t.list.loading,
          empty: hasContactFilters(filters) ? t.list.emptyFiltered : t.list.empty,
        }}
        emptyTestId="contacts-empty"
      >
        <ul className={admin.rowList} aria-label={t.list.label} data-testid="contact-rows">
          {items.map((contact) => (
            <ContactRow key={contact.contactId} contact={contact} now={now} />
          ))}
        </ul>
      </PagedList>
      <KeyboardShortcuts />
    </section>
  );
}
