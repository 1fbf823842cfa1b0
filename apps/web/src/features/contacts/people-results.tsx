"use client";

import Link from "next/link";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { contactHref } from "./contact-href";
import { contactDisplayName } from "./contact-name";
import { contactFiltersToQuery } from "./contact-filters";
import styles from "./contacts.module.css";

const PEOPLE_SHOWN = 5;

/** The inbox's search also finds people: the contacts it matches, above the conversations. */
export function PeopleResults({ search }: { search: string | undefined }) {
  const t = useT("contacts");
  const common = useT("common");
  const query = trpc.contacts.list.useQuery(
    { search, limit: PEOPLE_SHOWN },
    { enabled: Boolean(search), staleTime: 10_000, refetchOnWindowFocus: false },
  );
  const items = query.data?.items ?? [];
  if (!search || items.length === 0) return null;
  return (
    <section className={styles.people} aria-labelledby="people-title" data-testid="people-results">
      <h2 id="people-title">{t.people.title}</h2>
      <ul className={styles.peopleList}>
        {items.map((contact) => (
          <li key={contact.contactId}>
            <Link
              href={contactHref(contact.contactId)}
              className={styles.person}
              data-testid="people-result"
            >
              <strong>{contactDisplayName(contact, t.fallback)}</strong>
              <span className={styles.meta}>
                {[...contact.phones, ...contact.emails].slice(0, 2).join(" · ") ||
                  [...new Set(contact.identities.map((i) => common.channels[i.channel]))].join(
                    ", ",
                  )}
              </span>
            </Link>
          </li>
        ))}
        {query.data?.nextCursor && (
          <li>
            <Link
              href={`/admin/contacts${contactFiltersToQuery({ search })}`}
              className={styles.person}
            >
              {t.people.more}
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}
