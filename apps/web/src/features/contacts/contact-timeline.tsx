"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "~/features/console/api-error";
import { shortId } from "~/features/console/labels";
import { useAgents } from "~/features/console/use-lookups";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { LoadMoreButton } from "~/ui/load-more-button";
import { Notice } from "~/ui/notice";
import { StatusBadge } from "~/ui/status-badge";
import admin from "~/ui/admin-page.module.css";
import { conversationHref } from "./contact-href";
import { joinTimelinePages } from "./timeline-pages";
import type { ContactTimelineEntry } from "./types";
import styles from "./contacts.module.css";

/**
 * Every conversation of the person on every channel, newest activity first; each opens its page.
 * `contacts.byId` brings the first page; "Load more" reads the next ones by `timelineCursor`. Keyed by
 * its first page in the parent, so a merge or unmerge that changes it starts the list afresh.
 */
export function ContactTimeline({
  contactId,
  firstPage,
}: {
  contactId: string;
  firstPage: { items: readonly ContactTimelineEntry[]; nextCursor: string | null };
}) {
  const t = useT("contacts").timeline;
  const common = useT("common");
  const { locale } = useLocale();
  const agents = useAgents().byId;
  const utils = trpc.useUtils();
  const [more, setMore] = useState<{ items: ContactTimelineEntry[]; cursor: string | null }>({
    items: [],
    cursor: firstPage.nextCursor,
  });
  const loadMore = useMutation({
    mutationFn: (cursor: string) =>
      utils.client.contacts.byId.query({ contactId, timelineCursor: cursor }),
    onSuccess: ({ timeline }) =>
      setMore((prev) => ({
        items: [...prev.items, ...timeline.items],
        cursor: timeline.nextCursor,
      })),
  });
  const entries = joinTimelinePages(firstPage.items, more.items);
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
      {loadMore.error && (
        <Notice tone="danger" look="text" role="alert">
          {errorMessage(loadMore.error, t.loadMoreFailed)}
        </Notice>
      )}
      {more.cursor && (
        <LoadMoreButton
          loading={loadMore.isPending}
          onLoadMore={() => more.cursor && loadMore.mutate(more.cursor)}
          testId="timeline-more"
          label={t.loadMore}
        />
      )}
    </section>
  );
}
