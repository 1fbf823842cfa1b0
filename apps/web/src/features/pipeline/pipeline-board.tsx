"use client";

import { Notice } from "~/ui/notice";
import { Button } from "~/ui/button";
import { useMemo, useState, type ReactNode } from "react";
import { boardColumns, type BoardFilters } from "./board-state";
import type { ConversationRow } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { useAgents, useStages } from "~/features/console/use-lookups";
import { useNow } from "~/features/console/use-now";
import { BoardCard } from "./board-card";
import { BoardGrid, MoveFailed } from "./board-grid";
import { PipelineFilters } from "./pipeline-filters";
import { OfferResolveDialog } from "~/features/resolve/offer-resolve-dialog";
import { ReasonDialog } from "./reason-dialog";
import { StageEditor } from "./stage-editor";
import { useBoard } from "./use-board";
import { useBoardFilters } from "./use-board-filters";
import { useLabelsInUse } from "~/features/contacts/use-labels-in-use";
import { useBoardMoves } from "./use-board-moves";
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
  const [filters, setFilters] = useBoardFilters(initialFilters);
  const stageIds = useMemo(() => stages.map((s) => s.id), [stages]);
  const board = useBoard(filters, stageIds);
  const moves = useBoardMoves(board, stagesQuery);
  const [managing, setManaging] = useState(false);

  const { columns, orphans } = boardColumns(board.state, stageIds);
  const waiting = Object.values(board.state.rows).some((r) => r.status === "NEEDS_HUMAN");
  const now = useNow(waiting ? 1_000 : 30_000);
  const failure = board.state.failure;
  const knownLabels = useLabelsInUse();
  const agentName = (agentId: string) => agents.byId.get(agentId)?.card.displayName ?? agentId;

  const card = (row: ConversationRow) => (
    <BoardCard
      key={row.conversationId}
      row={row}
      stages={stages}
      agentName={agentName(row.agentId)}
      pending={board.state.pending[row.conversationId] !== undefined}
      now={now}
      onMove={moves.requestMove}
      onDragStart={moves.dragStart}
      onDragEnd={moves.dragEnd}
    />
  );

  return (
    <section className={admin.page} aria-labelledby="pipeline-title">
      <PipelineHeading
        onManage={mayManage && !managing ? () => setManaging(true) : null}
        canManage={Boolean(stagesQuery.query.data)}
      />

      {managing && stagesQuery.query.data && (
        <StageEditor
          saved={stagesQuery.query.data.items}
          version={stagesQuery.query.data.version}
          onClose={() => setManaging(false)}
          onSaved={(moved) => {
            setManaging(false);
            moves.setNotice(t.manage.saved);
            if (moved) board.reload();
          }}
        />
      )}

      <PipelineFilters
        filters={filters}
        onChange={setFilters}
        agents={agents.agents}
        knownLabels={knownLabels}
      />

      {moves.notice && (
        <Notice tone="success" role="status" data-testid="pipeline-notice">
          {moves.notice}
        </Notice>
      )}
      {failure && (
        <MoveFailed
          failure={failure}
          stageName={stagesQuery.byId.get(failure.stage)?.name ?? failure.stage}
          onDismiss={board.dismissFailure}
        />
      )}
      <BoardGrid
        stagesQuery={stagesQuery}
        columns={columns}
        filtered={Boolean(filters.agentId ?? filters.channel ?? filters.label)}
        dragging={moves.dragging}
        onDropCard={moves.dropOn}
        onLoadMore={board.loadMore}
        cards={(column) => column.rows.map(card)}
      />

      {orphans.length > 0 && <Orphans>{orphans.map(card)}</Orphans>}

      {moves.asking && (
        <ReasonDialog
          stageName={moves.asking.stage.name}
          onCancel={moves.cancelReason}
          onSubmit={moves.giveReason}
        />
      )}
      <OfferResolveDialog offer={moves.offer} onDone={moves.closeOffer} />
    </section>
  );
}

/** The title, the stage editor's button for owners and admins, and how the board works. */
function PipelineHeading({
  onManage,
  canManage,
}: {
  onManage: (() => void) | null;
  canManage: boolean;
}) {
  const t = useT("pipeline");
  return (
    <>
      <div className={admin.header}>
        <h1 id="pipeline-title">{t.title}</h1>
        {onManage && (
          <Button onClick={onManage} disabled={!canManage} data-testid="manage-stages">
            {t.manage.open}
          </Button>
        )}
      </div>
      <p className="muted">{t.intro}</p>
    </>
  );
}

/** Cards in a stage the pipeline no longer has, shown apart so they can be moved to a stage. */
function Orphans({ children }: { children: ReactNode }) {
  const t = useT("pipeline").orphans;
  return (
    <section className={styles.orphans} aria-labelledby="orphans-title">
      <h2 id="orphans-title">{t.title}</h2>
      <p className="muted">{t.note}</p>
      <ol className={styles.cards}>{children}</ol>
    </section>
  );
}
