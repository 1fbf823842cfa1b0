"use client";

import { useEffect, useRef } from "react";
import type { TranscriptMessage } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { NoteCard } from "~/features/notes/note-card";
import { MessageBubble } from "./message-bubble";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import styles from "./conversation.module.css";

/** Oldest first; follows new messages while the reader is at the bottom. */
export function Transcript({
  messages,
  loading,
  error,
  hasEarlier,
  loadingEarlier,
  onLoadEarlier,
  onMessageChanged,
}: {
  messages: readonly TranscriptMessage[];
  loading: boolean;
  error: string | null;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  onLoadEarlier: () => void;
  /** A note its author edited or deleted here. */
  onMessageChanged: (message: TranscriptMessage) => void;
}) {
  const t = useT("conversations").transcript;
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const lastId = messages.at(-1)?.messageId;

  useEffect(() => {
    const element = list.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [lastId]);

  return (
    <div className={styles.transcript}>
      {hasEarlier && (
        <Button className={styles.earlier} onClick={onLoadEarlier} disabled={loadingEarlier}>
          {loadingEarlier ? t.loadingEarlier : t.loadEarlier}
        </Button>
      )}
      {error && (
        <Notice tone="danger" look="text" role="alert">
          {t.loadFailed(error)}
        </Notice>
      )}
      {loading && <p className="muted">{t.loading}</p>}
      {!loading && messages.length === 0 && !error && <p className="muted">{t.empty}</p>}
      <ol
        ref={list}
        className={styles.messages}
        aria-live="polite"
        data-testid="transcript"
        onScroll={(event) => {
          const el = event.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {messages.map((message) =>
          message.role === "note" ? (
            <NoteCard key={message.messageId} message={message} onChanged={onMessageChanged} />
          ) : (
            <MessageBubble key={message.messageId} message={message} />
          ),
        )}
      </ol>
    </div>
  );
}
