"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { boardFiltersToQuery, compactBoardFilters, sameBoardFilters } from "./board-filters";
import { boardColumns, type BoardFilters } from "./board-state";
import { checkMove } from "./move-check";
import { CHANNELS } from "@agents-crm/config/channels";
import type { ConversationRow, PipelineStage } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { FilterBar } from "~/ui/filter-bar";
import { AgentOptions, ChannelOptions } from "~/ui/filter-options";
import { FilterSelect } from "~/ui/filter-select";
import { useSession } from "~/features/console/session-context";
import { useAgents, useStages } from "~/features/console/use-lookups";
import { useNow } from "~/features/console/use-now";
import { BoardCard } from "./board-card";
import { BoardColumn } from "./board-column";
import { ReasonDialog } from "./reason-dialog";
import { StageEditor } from "./stage-editor";
import { useBoard } from "./use-board";
import { LoadFailed } from "~/ui/load-failed";
import admin from "~/ui/admin-page.module.css";
import styles from "./pipeline.module.css";

/**
 * `/admin/pipeline`: conversations as cards on the CRM stages, moved by drag and drop or keyboard.
 * The agent and channel filters live in the query string, so a reload or a shared link keeps them.
 */
export function PipelineBoard({ initialFilters }: { initialFilters: BoardFilters }) {
  const t = useT("pipeline");
  const { user } = useSession();
  const mayManage = user.role === "owner" || user.role === "admin";
  const stagesQuery = useStages();
  const { stages } = stagesQuery;
  const agents = useAgents();
  const pathname = usePathname();
  const [filters, setFiltersState] = useState(initialFilters);
  const setFilters = useCallback((next: BoardFilters) => {
    const compact = compactBoardFilters(next);
    setFiltersState((current) => (sameBoardFilters(current, compact) ? current : compact));
  }, []);
  useEffect(() => {
    window.history.replaceState(
      window.history.state,
      "",
      `${pathname}${boardFiltersToQuery(filters)}`,
    );
  }, [filters, pathname]);
  const stageIds = useMemo(() => stages.map((s) => s.id), [stages]);
  const board = useBoard(filters, stageIds);
  const [asking, setAsking] = useState<{ row: ConversationRow; stage: PipelineStage } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);
  const dragged = useRef<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const { columns, orphans } = boardColumns(board.state, stageIds);
  const waiting = Object.values(board.state.rows).some((r) => r.status === "NEEDS_HUMAN");
  const now = useNow(waiting ? 1_000 : 30_000);
  const filtered = Boolean(filters.agentId ?? filters.channel);

  const requestMove = useCallback(
    (row: ConversationRow, stageId: string) => {
      const check = checkMove(stages, row.stage, stageId);
      setNotice(null);
      switch (check.kind) {
        case "same":
          return;
        case "unknownStage":
          setNotice(t.unknownStage);
          void stagesQuery.query.refetch();
          return;
        case "needsReason":
          setAsking({ row, stage: check.stage });
          return;
        case "ready":
          board.move(row.conversationId, stageId, null);
      }
    },
    [stages, stagesQuery.query, board, t.unknownStage],
  );

  const dropOn = (stageId: string) => {
    const id = dragged.current;
    dragged.current = null;
    setDragging(false);
    const row = id ? board.state.rows[id] : undefined;
    const pending = id ? board.state.pending[id] : undefined;
    if (row && !pending) requestMove(row, stageId);
  };

  const failure = board.state.failure;
  const refetchStages = stagesQuery.query.refetch;
  useEffect(() => {
    // A move can fail because a colleague just removed or changed the stage: show the pipeline as it is now.
    if (failure) void refetchStages();
  }, [failure, refetchStages]);
  const failedStage = failure
    ? (stages.find((s) => s.id === failure.stage)?.name ?? failure.stage)
    : "";
  const agentName = (agentId: string) => agents.byId.get(agentId)?.card.displayName ?? agentId;

  const card = (row: ConversationRow) => (
    <BoardCard
      key={row.conversationId}
      row={row}
      stages={stages}
      agentName={agentName(row.agentId)}
      pending={board.state.pending[row.conversationId] !== undefined}
      now={now}
      onMove={requestMove}
      onDragStart={(id) => {
        dragged.current = id;
        setDragging(true);
      }}
      onDragEnd={() => {
        dragged.current = null;
        setDragging(false);
      }}
    />
  );

  return (
    <section className={admin.page} aria-labelledby="pipeline-title">
      <div className={admin.header}>
        <h1 id="pipeline-title">{t.title}</h1>
        {mayManage && !managing && (
          <button
            type="button"
            className={admin.button}
            onClick={() => setManaging(true)}
            disabled={!stagesQuery.query.data}
            data-testid="manage-stages"
          >
            {t.manage.open}
          </button>
        )}
      </div>
      <p className="muted">{t.intro}</p>

      {managing && stagesQuery.query.data && (
        <StageEditor
          saved={stagesQuery.query.data.items}
          version={stagesQuery.query.data.version}
          onClose={() => setManaging(false)}
          onSaved={(moved) => {
            setManaging(false);
            setNotice(t.manage.saved);
            if (moved) board.reload();
          }}
        />
      )}

      <FilterBar
        label={t.filters.label}
        clearLabel={t.filters.clear}
        canClear={filtered}
        onClear={() => setFilters({})}
      >
        <FilterSelect
          label={t.filters.agent}
          value={filters.agentId}
          anyLabel={t.filters.all}
          onChange={(agentId) => setFilters({ ...filters, agentId })}
          testId="pipeline-filter-agent"
        >
          <AgentOptions agents={agents.agents} inactive={t.filters.inactive} />
        </FilterSelect>
        <FilterSelect
          label={t.filters.channel}
          value={filters.channel}
          anyLabel={t.filters.all}
          onChange={(value) =>
            setFilters({ ...filters, channel: CHANNELS.find((c) => c === value) })
          }
          testId="pipeline-filter-channel"
        >
          <ChannelOptions />
        </FilterSelect>
      </FilterBar>

      {notice && (
        <p className={admin.success} role="status" data-testid="pipeline-notice">
          {notice}
        </p>
      )}
      {failure && (
        <div className={admin.error} role="alert" data-testid="move-failed">
          {t.moveFailed(failedStage, failure.message)}{" "}
          <button type="button" className={styles.linkButton} onClick={board.dismissFailure}>
            {t.dismiss}
          </button>
        </div>
      )}

      {stagesQuery.query.isError ? (
        <LoadFailed message={t.stagesFailed} onRetry={() => void stagesQuery.query.refetch()} />
      ) : stages.length === 0 ? (
        <p className="muted" role="status">
          {t.loadingStages}
        </p>
      ) : (
        <div className={styles.board} data-testid="pipeline-board">
          {columns.map((column) => {
            const stage = stages.find((s) => s.id === column.stageId);
            return (
              <BoardColumn
                key={column.stageId}
                stageId={column.stageId}
                name={stage?.name ?? column.stageId}
                color={stage?.color ?? "#999999"}
                count={column.rows.length}
                paging={column.paging}
                filtered={filtered}
                dragging={dragging}
                onDropCard={dropOn}
                onLoadMore={board.loadMore}
              >
                {column.rows.map(card)}
              </BoardColumn>
            );
          })}
        </div>
      )}

      {orphans.length > 0 && (
        <section className={styles.orphans} aria-labelledby="orphans-title">
          <h2 id="orphans-title">{t.orphans.title}</h2>
          <p className="muted">{t.orphans.note}</p>
          <ol className={styles.cards}>{orphans.map(card)}</ol>
        </section>
      )}

      {asking && (
        <ReasonDialog
          stageName={asking.stage.name}
          onCancel={() => setAsking(null)}
          onSubmit={(reason) => {
            board.move(asking.row.conversationId, asking.stage.id, reason);
            setAsking(null);
          }}
        />
      )}
    </section>
  );
}
