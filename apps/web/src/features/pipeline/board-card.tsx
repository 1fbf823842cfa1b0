"use client";

import Link from "next/link";
import type { DragEvent } from "react";
import { shortId } from "~/features/console/labels";
import { formatElapsed } from "./elapsed";
import type { ConversationRow, PipelineStage } from "~/features/console/types";
import { waitingSince } from "~/features/inbox/waiting-since";
import { useT } from "~/i18n/i18n-provider";
import { ResolveButton } from "~/features/resolve/resolve-button";
import { HandlerBadge } from "~/features/assignment/handler-badge";
import { EscalationBadge } from "~/features/triage/escalation-badge";
import { showsEscalation } from "~/features/triage/shows-escalation";
import { LabelChips } from "~/features/contacts/label-chips";
import { MoveMenu } from "./move-menu";
import styles from "./pipeline.module.css";

export function BoardCard({
  row,
  stages,
  agentName,
  pending,
  now,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  row: ConversationRow;
  stages: readonly PipelineStage[];
  agentName: string;
  pending: boolean;
  now: number;
  onMove: (row: ConversationRow, stageId: string) => void;
  onDragStart: (conversationId: string) => void;
  onDragEnd: () => void;
}) {
  const t = useT("pipeline");
  const common = useT("common");
  const resolveT = useT("resolve");
  const customer =
    row.customer?.name ??
    row.externalUserId ??
    (row.channel === "web_chat" ? t.card.webVisitor : t.card.unknownCustomer);
  const href = `/admin/conversations/${encodeURIComponent(row.conversationId)}`;

  const startDrag = (event: DragEvent) => {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", row.conversationId);
    onDragStart(row.conversationId);
  };

  return (
    <li
      className={styles.card}
      draggable={!pending}
      onDragStart={startDrag}
      onDragEnd={onDragEnd}
      data-testid="pipeline-card"
      data-conversation-id={row.conversationId}
      data-stage={row.stage}
      data-status={row.status}
      data-pending={pending ? "true" : undefined}
      aria-busy={pending}
    >
      <div className={styles.cardTop}>
        <Link
          href={href}
          draggable={false}
          className={styles.cardTitle}
          aria-label={t.card.open(customer)}
          data-testid="pipeline-card-link"
        >
          {customer} <span className="muted">#{shortId(row.conversationId)}</span>
        </Link>
      </div>
      <div className={styles.cardMetaRow}>
        <p className={styles.cardMeta}>
          {agentName} · {common.channels[row.channel]}
        </p>
        <span className={styles.cardBadges}>
          <HandlerBadge conversation={row} />
          {showsEscalation(row) && <EscalationBadge escalationType={row.escalationType} />}
        </span>
      </div>
      <p className={styles.cardPreview}>{row.lastMessagePreview ?? t.card.noMessages}</p>
      <LabelChips labels={row.labels} />
      {row.rejectionReason && (
        <p className={styles.cardReason}>{t.card.reason(row.rejectionReason)}</p>
      )}
      <div className={styles.cardBottom}>
        <CardTime row={row} now={now} />
        <ResolveButton conversation={row} label={resolveT.buttonLabel(customer)} />
        <MoveMenu
          stages={stages.filter((stage) => stage.id !== row.stage)}
          label={t.card.moveLabel(customer)}
          buttonText={pending ? t.card.moving : t.card.moveTo}
          disabled={pending}
          onChoose={(stageId) => onMove(row, stageId)}
        />
      </div>
    </li>
  );
}

/** How long the customer has waited for a human, or else how long ago the conversation was active. */
function CardTime({ row, now }: { row: ConversationRow; now: number }) {
  const t = useT("pipeline");
  const since = waitingSince(row);
  return since ? (
    <time dateTime={since} className={styles.waiting} data-testid="pipeline-card-waiting">
      {t.card.waiting(formatElapsed(since, now, t.elapsed))}
    </time>
  ) : (
    <time dateTime={row.lastActivityAt} className="muted">
      {t.card.active(formatElapsed(row.lastActivityAt, now, t.elapsed))}
    </time>
  );
}
