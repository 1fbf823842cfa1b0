"use client";

import Link from "next/link";
import { customerLabel, shortId } from "~/features/console/labels";
import type { ConversationRow } from "~/features/console/types";
import { formatAgo, waitingSince } from "./waiting-since";
import { useT } from "~/i18n/i18n-provider";
import { CustomerAvatar } from "~/ui/customer-avatar";
import { StageChip } from "~/ui/stage-chip";
import { HandlerBadge } from "~/features/assignment/handler-badge";
import { useAgents, useStages } from "~/features/console/use-lookups";
import { HandoffSummaryLines } from "~/features/console/handoff-summary";
import { ResolveButton } from "~/features/resolve/resolve-button";
import { SnoozedNote } from "~/features/resolve/snoozed-note";
import { TakeOverButton } from "./take-over-button";
import { WaitingTimer } from "./waiting-timer";
import admin from "~/ui/admin-page.module.css";
import styles from "./conversations.module.css";
import { EscalationBadge } from "~/features/triage/escalation-badge";
import { showsEscalation } from "~/features/triage/shows-escalation";
import triage from "~/features/triage/triage.module.css";
import { ContactLink } from "~/features/contacts/conversation-contact";
import { LabelChips } from "~/features/contacts/label-chips";

export function ConversationRows({ rows, now }: { rows: readonly ConversationRow[]; now: number }) {
  const common = useT("common");
  const t = useT("conversations");
  const tt = useT("triage");
  const resolveT = useT("resolve");
  const agents = useAgents().byId;
  const stages = useStages().byId;
  return (
    <ul className={admin.rowList} data-testid="conversation-rows">
      {rows.map((row) => {
        const since = waitingSince(row);
        const href = `/admin/conversations/${encodeURIComponent(row.conversationId)}`;
        const name = row.customer?.name ?? customerLabel(row, t.row);
        return (
          <li
            key={row.conversationId}
            className={styles.row}
            data-status={row.status}
            data-conversation-id={row.conversationId}
            data-unread={row.unread ? "true" : "false"}
            data-testid="conversation-row"
            data-shortcut-row
          >
            <div className={styles.who}>
              {row.customer && (
                <CustomerAvatar
                  url={row.customer.pictureUrl}
                  name={row.customer.name ?? row.customer.username ?? name}
                  size="small"
                />
              )}
              <div className={styles.whoText}>
                <Link
                  href={href}
                  className={[styles.customer, row.unread && triage.unread]
                    .filter(Boolean)
                    .join(" ")}
                >
                  {row.unread && (
                    <span className={triage.unreadDot} role="img" aria-label={tt.unread} />
                  )}
                  {name} <span className="muted">#{shortId(row.conversationId)}</span>
                </Link>
                {row.customer?.username && (
                  <span className="muted" data-testid="row-username">
                    {" "}
                    @{row.customer.username.replace(/^@/, "")}
                  </span>
                )}
                <p
                  className={[styles.preview, row.unread && triage.unread]
                    .filter(Boolean)
                    .join(" ")}
                  data-testid="row-preview"
                >
                  {row.lastCustomerMessagePreview ?? t.row.noMessages}
                </p>
                {row.status === "NEEDS_HUMAN" && (
                  <HandoffSummaryLines
                    summary={row.handoffSummary}
                    compact
                    testId="row-handoff-summary"
                  />
                )}
                <LabelChips labels={row.labels} />
              </div>
            </div>
            <div className={styles.meta}>
              <span>{agents.get(row.agentId)?.card.displayName ?? row.agentId}</span>
              <span className="muted">{common.channels[row.channel]}</span>
              {row.contactId && <ContactLink contactId={row.contactId} name={name} />}
            </div>
            <div className={styles.state}>
              <HandlerBadge conversation={row} />
              {showsEscalation(row) && <EscalationBadge escalationType={row.escalationType} />}
              <StageChip stage={stages.get(row.stage)} id={row.stage} />
              <SnoozedNote row={row} now={now} />
            </div>
            <div className={styles.time}>
              {since ? (
                <WaitingTimer since={since} now={now} />
              ) : (
                <time dateTime={row.lastActivityAt} className="muted">
                  {formatAgo(row.lastActivityAt, now, t.duration)}
                </time>
              )}
            </div>
            <div className={styles.actions}>
              {row.status === "NEEDS_HUMAN" && (
                <TakeOverButton conversationId={row.conversationId} />
              )}
              <ResolveButton conversation={row} label={resolveT.buttonLabel(name)} />
              <Link href={href} className={styles.open}>
                {t.row.open}
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
