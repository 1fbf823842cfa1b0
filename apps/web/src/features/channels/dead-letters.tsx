"use client";

import { Notice } from "~/ui/notice";
import { Button } from "~/ui/button";
import Link from "next/link";
import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import type { DeadLetter } from "./types";
import { formatDateTime } from "~/i18n/format";
import { trpc } from "~/lib/trpc";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import styles from "./channels.module.css";
import { ListStates } from "./list-states";

const PAGE = 20;

/** Events of this agent's channels that kept failing, newest first, each replayable. */
export function DeadLetters({ agentId, onReplayed }: { agentId: string; onReplayed: () => void }) {
  const t = useT("channels");
  const common = useT("common");
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const [replayed, setReplayed] = useState<Set<string>>(new Set());
  const list = trpc.inbox.listDead.useInfiniteQuery(
    { agentId, limit: PAGE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const replay = trpc.inbox.replay.useMutation({
    onSuccess: (item) => {
      setReplayed((done) => new Set(done).add(item.eventKey));
      void utils.inbox.listDead.invalidate({ agentId });
      onReplayed();
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className={styles.section} data-testid="dead-letters" aria-labelledby="dead-title">
      <h2 id="dead-title">{t.dead.title}</h2>
      <p className="muted">{t.dead.intro}</p>
      <ListStates
        query={list}
        count={items.length}
        failed={t.dead.loadFailed}
        empty={t.dead.empty}
        emptyTestId="dead-empty"
      >
        {items.map((item) => (
          <DeadLetterRow
            key={item.eventKey}
            item={item}
            done={replayed.has(item.eventKey)}
            busy={replay.isPending && replay.variables?.eventKey === item.eventKey}
            onReplay={() => replay.mutate({ eventKey: item.eventKey })}
          />
        ))}
      </ListStates>
      {replay.error && (
        <Notice tone="danger" look="text" role="alert">
          {replay.error.message}
        </Notice>
      )}
      {list.hasNextPage && (
        <div className={styles.actions}>
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? common.actions.loading : common.actions.loadMore}
          </Button>
        </div>
      )}
    </section>
  );
}

function DeadLetterRow({
  item,
  done,
  busy,
  onReplay,
}: {
  item: DeadLetter;
  done: boolean;
  busy: boolean;
  onReplay: () => void;
}) {
  const t = useT("channels");
  const common = useT("common");
  const { locale } = useLocale();
  const conversationId = item.delivery?.conversationId ?? item.media?.conversationId;
  return (
    <li className={styles.deadItem} data-testid="dead-letter">
      <div className={styles.deadHead}>
        <strong>
          {t.dead[item.type]} · {common.channels[item.platform] ?? item.platform}
        </strong>
        <span className="muted">
          {t.dead.failedAt} {formatDateTime(locale, item.deadAt ?? item.receivedAt)} ·{" "}
          {t.dead.attempts(item.attempts)}
        </span>
      </div>
      {item.media && (
        <ul className={styles.deadFiles} aria-label={t.dead.files} data-testid="dead-letter-files">
          {item.media.files.map((file) => (
            <li key={file.fileId}>
              {t.dead.fileKinds[file.kind]}
              {file.name ? `: ${file.name}` : ""}
              {file.mimeType ? ` (${file.mimeType})` : ""}
            </li>
          ))}
        </ul>
      )}
      {item.lastError && (
        <Notice tone="danger" look="text">
          {t.dead.lastError(item.lastError)}
        </Notice>
      )}
      <div className={styles.actions}>
        {done ? (
          <span role="status">{t.dead.replayed}</span>
        ) : (
          <Button onClick={onReplay} disabled={busy} data-testid="dead-replay">
            {busy ? t.dead.replaying : t.dead.replay}
          </Button>
        )}
        {conversationId && (
          <Link href={`/admin/conversations/${encodeURIComponent(conversationId)}`}>
            {t.dead.openConversation}
          </Link>
        )}
      </div>
    </li>
  );
}
