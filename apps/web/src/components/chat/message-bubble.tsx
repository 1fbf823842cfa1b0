import type { ReactNode } from "react";
import type { ChatItem } from "../../lib/chat/chat-reducer";
import type { AgentCard } from "../../lib/chat/chat-types";
import { formatMessageTime, fullMessageTime } from "../../lib/chat/message-time";
import styles from "./chat.module.css";

type Role = "user" | "agent" | "admin";

function Time({ iso }: { iso: string }) {
  return (
    <time className={styles.meta} dateTime={iso} title={fullMessageTime(iso)}>
      {formatMessageTime(iso)}
    </time>
  );
}

function Row({
  role,
  state,
  author,
  children,
  streamed,
}: {
  role: Role;
  state: "sent" | "sending" | "failed" | "streaming";
  author: string | null;
  children: ReactNode;
  streamed?: boolean;
}) {
  const side = role === "user" ? styles.mine : `${styles.theirs} ${styles[role]}`;
  const stateClass = state === "sent" ? "" : styles[state];
  return (
    <li
      className={`${styles.row} ${side} ${stateClass}`}
      data-testid="chat-message"
      data-role={role}
      data-state={state}
      data-streamed={streamed ? "true" : undefined}
    >
      {author && <span className={styles.author}>{author}</span>}
      {children}
    </li>
  );
}

export function adminLabel(card: AgentCard): string {
  return card.clinicName ? `${card.clinicName} team` : "Administrator";
}

export function MessageBubble({
  item,
  card,
  onRetry,
  onWithdraw,
}: {
  item: ChatItem;
  card: AgentCard;
  onRetry: (clientId: string) => void;
  onWithdraw: (clientId: string) => void;
}) {
  switch (item.kind) {
    case "message": {
      const { role, content, timestamp } = item.message;
      const author =
        role === "agent" ? card.displayName : role === "admin" ? adminLabel(card) : null;
      return (
        <Row role={role} state="sent" author={author} streamed={item.streamed}>
          <div className={styles.bubble}>{content}</div>
          <Time iso={timestamp} />
        </Row>
      );
    }
    case "provisional":
      return (
        <Row role="agent" state="streaming" author={card.displayName}>
          <div className={styles.bubble} aria-busy="true">
            {item.text}
          </div>
        </Row>
      );
    case "outgoing":
      return (
        <Row role="user" state={item.state} author={null}>
          <div className={styles.bubble}>{item.content}</div>
          {item.state === "sending" ? (
            <span className={styles.meta}>Sending…</span>
          ) : (
            <>
              <p className={styles.problem} role="alert" data-testid="send-error">
                {item.error}
              </p>
              <div className={styles.actions}>
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => onRetry(item.key)}
                  data-testid="send-retry"
                >
                  Retry
                </button>
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => onWithdraw(item.key)}
                >
                  Edit
                </button>
              </div>
            </>
          )}
        </Row>
      );
  }
}
