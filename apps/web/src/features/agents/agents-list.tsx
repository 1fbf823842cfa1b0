"use client";

import { Button } from "~/ui/button";
import Link from "next/link";
import { ModelProblems } from "~/features/model-problems/model-problems";
import { useMemo, useState } from "react";
import { cloneIdFor } from "./new-agent";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { AgentRowItem } from "./agent-row";
import type { AgentRow } from "./agent-types";
import { CloneDialog } from "./clone-dialog";
import { ImportDialog } from "./import-dialog";
import { ToggleActiveDialog } from "./toggle-active-dialog";
import { LoadFailed } from "~/ui/load-failed";
import { LoadMoreButton } from "~/ui/load-more-button";
import admin from "~/ui/admin-page.module.css";
import styles from "./agents.module.css";

const PAGE_SIZE = 25;

/** `/admin/agents`: every agent, active or not, a page at a time. */
export function AgentsList() {
  const t = useT("agents");
  const utils = trpc.useUtils();
  const list = trpc.agents.list.useInfiniteQuery(
    { limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const agents = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const [cloning, setCloning] = useState<AgentRow | null>(null);
  const [toggling, setToggling] = useState<AgentRow | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => {
    void utils.agents.list.invalidate();
    void utils.agents.cards.invalidate();
  };

  return (
    <section className={styles.page} aria-labelledby="agents-title">
      <div className={admin.header}>
        <h1 id="agents-title">{t.title}</h1>
        <div className={styles.inline}>
          <Button onClick={() => setImporting(true)} data-testid="import-agent">
            {t.list.import}
          </Button>
          <Link href="/admin/agents/new" className={styles.primaryLink} data-testid="new-agent">
            {t.list.newAgent}
          </Link>
        </div>
      </div>
      <ModelProblems />
      <p className="muted">{t.list.intro}</p>
      {notice && (
        <p className={styles.ok} role="status" data-testid="agents-notice">
          {notice}
        </p>
      )}
      {list.isPending ? (
        <p className="muted" role="status">
          {t.list.loading}
        </p>
      ) : list.isError ? (
        <LoadFailed
          message={`${t.list.loadError} ${list.error.message}`}
          onRetry={() => void list.refetch()}
        />
      ) : agents.length === 0 ? (
        <p className={admin.empty} data-testid="agents-empty">
          {t.list.empty}
        </p>
      ) : (
        <ul className={admin.rowList} data-testid="agent-rows">
          {agents.map((agent) => (
            <AgentRowItem
              key={agent.agentId}
              agent={agent}
              onClone={() => setCloning(agent)}
              onToggleActive={() => setToggling(agent)}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <LoadMoreButton
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          testId="load-more"
        />
      )}
      {cloning && (
        <CloneDialog
          agent={{ agentId: cloning.agentId, name: cloning.card.displayName }}
          suggestedId={cloneIdFor(cloning.agentId, new Set(agents.map((a) => a.agentId)))}
          onClose={() => setCloning(null)}
          onCloned={(id) => {
            setCloning(null);
            setNotice(t.clone.done(id));
            refresh();
          }}
        />
      )}
      {toggling && (
        <ToggleActiveDialog
          agent={toggling}
          onClose={() => setToggling(null)}
          onDone={() => {
            setToggling(null);
            refresh();
          }}
        />
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={refresh} />
    </section>
  );
}
