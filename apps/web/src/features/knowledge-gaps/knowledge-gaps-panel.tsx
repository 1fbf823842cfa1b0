"use client";

import { Badge } from "~/ui/badge";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { PagedList } from "~/ui/paged-list";
import Link from "next/link";
import type { KnowledgeGap } from "@agents-crm/config/knowledge-gaps";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { plural } from "~/i18n/plural";
import { trpc } from "~/lib/trpc";
import styles from "./knowledge-gaps.module.css";

const PAGE = 20;

/** An agent's knowledge gaps, most asked first: each with examples, "Add to knowledge" and "Dismiss". */
export function KnowledgeGapsPanel({
  agentId,
  onAddToKnowledge,
}: {
  agentId: string;
  onAddToKnowledge: (question: string) => void;
}) {
  const t = useT("knowledgeGaps");
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const list = trpc.knowledgeGaps.list.useInfiniteQuery(
    { agentId, limit: PAGE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const dismiss = trpc.knowledgeGaps.dismiss.useMutation({
    onSuccess: () => utils.knowledgeGaps.list.invalidate({ agentId }),
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className={styles.panel} aria-labelledby="gaps-title" data-testid="knowledge-gaps">
      <h2 id="gaps-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {dismiss.isSuccess && (
        <Notice tone="success" look="text" role="status" data-testid="gap-dismissed">
          {t.dismissed}
        </Notice>
      )}
      {dismiss.error && (
        <Notice tone="danger" look="text" role="alert">
          {t.dismissFailed} {dismiss.error.message}
        </Notice>
      )}
      <PagedList
        query={list}
        count={items.length}
        text={{ loadFailed: t.loadFailed, loading: t.loading, empty: t.empty }}
        emptyTestId="gaps-empty"
      >
        <ol className={styles.groups}>
          {items.map((gap) => (
            <GapGroup
              key={gap.groupId}
              gap={gap}
              busy={dismiss.isPending && dismiss.variables.groupId === gap.groupId}
              onAdd={() => onAddToKnowledge(gap.question)}
              onDismiss={() => dismiss.mutate({ agentId, groupId: gap.groupId })}
            />
          ))}
        </ol>
      </PagedList>
    </section>
  );
}

function GapGroup({
  gap,
  busy,
  onAdd,
  onDismiss,
}: {
  gap: KnowledgeGap;
  busy: boolean;
  onAdd: () => void;
  onDismiss: () => void;
}) {
  const t = useT("knowledgeGaps");
  const common = useT("common");
  const { locale } = useLocale();
  const titleId = `gap-${gap.groupId}`;
  return (
    <li className={styles.group} aria-labelledby={titleId} data-testid="knowledge-gap">
      <div className={styles.head}>
        <h3 id={titleId} className={styles.question}>
          {gap.question}
        </h3>
        <Badge tone="warning" data-testid="gap-count">
          {plural(locale, gap.count, t.asked)}
        </Badge>
      </div>
      <p className="muted">{t.lastAsked(formatDateTime(locale, gap.lastSeenAt))}</p>
      <details className={styles.examples}>
        <summary>
          {t.examples} ({gap.examples.length})
        </summary>
        <ul>
          {gap.examples.map((example) => (
            <li key={`${example.conversationId}-${example.at}`}>
              <q>{example.question}</q>
              <span className="muted">
                {" "}
                ·{" "}
                {common.channels[example.channel as keyof typeof common.channels] ??
                  example.channel}{" "}
                · {t.reasons[example.reason]} · {formatDateTime(locale, example.at)} ·{" "}
              </span>
              <Link href={`/admin/conversations/${encodeURIComponent(example.conversationId)}`}>
                {t.openConversation}
              </Link>
            </li>
          ))}
        </ul>
      </details>
      <div className={styles.actions}>
        <Button variant="primary" onClick={onAdd} data-testid="gap-add">
          {t.addToKnowledge}
        </Button>
        <Button onClick={onDismiss} disabled={busy} data-testid="gap-dismiss">
          {busy ? t.dismissing : t.dismiss}
        </Button>
      </div>
    </li>
  );
}
