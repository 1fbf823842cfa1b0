"use client";

import { Notice } from "~/ui/notice";
import { decisionSummary } from "./decision-summary";
import type { PlaygroundTurn } from "./playground-session";
import { useT } from "~/i18n/i18n-provider";
import { DecisionPanel } from "./decision-panel";
import styles from "./playground.module.css";

/** A customer message, or the agent's reply as the channel would send it plus the decision behind it. */
export function PlaygroundTurnView({ turn }: { turn: PlaygroundTurn }) {
  const t = useT("playground");
  const common = useT("common");
  if (turn.role === "user") {
    return (
      <div className={styles.user} data-state={turn.state} data-testid="playground-user">
        <span className={styles.who}>
          {t.you}
          {turn.state === "failed" && ` · ${t.failed}`}
        </span>
        <div className={styles.bubble}>{turn.content}</div>
      </div>
    );
  }
  const { reply } = turn.result;
  const parts = reply?.parts ?? [];
  return (
    <div className={styles.agent} data-testid="playground-agent">
      <span className={styles.who}>
        {t.agent} · {common.channels[turn.channel]}
      </span>
      {parts.length === 0 && <div className={styles.bubble}>{t.noReply}</div>}
      {parts.map((part, index) => (
        <div key={index} data-testid="playground-reply-part">
          {parts.length > 1 && (
            <span className={styles.partLabel}>{t.part(index + 1, parts.length)}</span>
          )}
          <div className={styles.bubble}>{part}</div>
        </div>
      ))}
      {turn.result.knowledge.status === "failed" && (
        <Notice tone="danger" look="text">
          {t.knowledgeFailed}
        </Notice>
      )}
      <DecisionPanel decision={decisionSummary(turn.result)} />
    </div>
  );
}
