"use client";

import { useEffect, useRef, useState } from "react";
import type { ChatItem } from "./chat-reducer";
import type { AgentCard } from "./chat-types";
import { Button } from "~/ui/button";
import styles from "./chat.module.css";
import { useT } from "~/i18n/i18n-provider";
import { MessageBubble } from "./message-bubble";

const NEAR_BOTTOM_PX = 96;

/** The transcript: follows new messages while the visitor is at the bottom, stays put when reading. */
export function MessageList({
  items,
  card,
  typing,
  canLoadOlder,
  onLoadOlder,
  onRetry,
  onWithdraw,
}: {
  items: ChatItem[];
  card: AgentCard;
  /** Shows that the agent is writing before its first words arrive. */
  typing: boolean;
  canLoadOlder: boolean;
  onLoadOlder: () => Promise<void>;
  onRetry: (clientId: string) => void;
  onWithdraw: (clientId: string) => void;
}) {
  const t = useT("chat").log;
  const log = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const last = items[items.length - 1];
  const lastSize = last?.kind === "provisional" ? last.text.length : 0;
  const mineLast = last?.kind === "outgoing";

  useEffect(() => {
    const element = log.current;
    if (element && (atBottom.current || mineLast)) element.scrollTop = element.scrollHeight;
  }, [items.length, lastSize, mineLast, typing]);

  const older = async () => {
    const element = log.current;
    const fromBottom = element ? element.scrollHeight - element.scrollTop : 0;
    setLoadingOlder(true);
    try {
      await onLoadOlder();
    } finally {
      setLoadingOlder(false);
    }
    // Keep the message the visitor was reading in place as older ones appear above it.
    requestAnimationFrame(() => {
      if (element) element.scrollTop = element.scrollHeight - fromBottom;
    });
  };

  return (
    <ol
      ref={log}
      className={styles.log}
      role="log"
      aria-live="polite"
      aria-label={t.label}
      data-testid="chat-log"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current =
          element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
      }}
    >
      {canLoadOlder && (
        <li className={styles.older}>
          <Button
            variant="link"
            className={styles.linkButton}
            onClick={() => void older()}
            disabled={loadingOlder}
          >
            {loadingOlder ? t.loading : t.showEarlier}
          </Button>
        </li>
      )}
      {items.length === 0 && (
        <li className={styles.empty} data-testid="chat-empty">
          {t.empty(card.displayName)}
        </li>
      )}
      {items.map((item) => (
        <MessageBubble
          key={item.key}
          item={item}
          card={card}
          onRetry={onRetry}
          onWithdraw={onWithdraw}
        />
      ))}
      {typing && (
        <li className={`${styles.row} ${styles.theirs} ${styles.agent}`} data-testid="chat-typing">
          <span className={styles.author}>{card.displayName}</span>
          <span className={`${styles.bubble} ${styles.typing}`}>
            <span className="sr-only">{t.writing(card.displayName)}</span>
            <span aria-hidden="true">•••</span>
          </span>
        </li>
      )}
    </ol>
  );
}
