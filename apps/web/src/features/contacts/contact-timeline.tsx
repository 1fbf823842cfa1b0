"use client";

import Link from "next/link";
import { shortId } from "~/features/console/labels";
import { useAgents } from "~/features/console/use-lookups";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { StatusBadge } from "~/ui/status-badge";
import admin from "~/ui/admin-page.module.css";
import { conversationHref } from "./contact-href";
import type { ContactTimelineEntry } from "./types";
import styles from "./contacts.module.css";

/** Every conversation of the person on every channel, newest activity first; each opens its page. */
export function ContactTimeline({ entries }: { entries: readonly ContactTimelineEntry[] }) {
  const t = useT("contacts").timeline;
  const common = useT("common");
  const { locale } = useLocale();
  const agents = useAgents().byId;
  return (
    <section className={admin.panel} aria-labelledby="contact-timeline-title">
      <h2 id="contact-timeline-title">{t.title}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ol className={styles.list} data-testid="contact-timeline">
          {entries.map((entry) => {
            const when = formatDateTime(locale, entry.lastActivityAt);
            const channel = common.channels[entry.channel];
            return (
              <li
                key={entry.conversationId}
                className={styles.item}
                data-testid="timeline-entry"
                data-conversation-id={entry.conversationId}
                data-shortcut-row
              >
                <div className={styles.itemTop}>
                  <Link
                    href={conversationHref(entry.conversationId)}
                    aria-label={t.open(channel, when)}
                    className={styles.name}
                  >
                    {channel} <span className="muted">#{shortId(entry.conversationId)}</span>
                  </Link>
                  <StatusBadge status={entry.status} />
                </div>
                <span className={styles.meta}>
                  <time dateTime={entry.lastActivityAt}>{when}</time> ·{" "}
                  {agents.get(entry.agentId)?.card.displayName ?? entry.agentId}
                </span>
                {entry.lastMessagePreview && (
                  <p className={styles.details}>{entry.lastMessagePreview}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
