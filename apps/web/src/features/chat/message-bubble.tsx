import type { ReactNode } from "react";
import type { ChatItem } from "./chat-reducer";
import type { AgentCard } from "./chat-types";
import { formatMessageTime, fullMessageTime } from "./message-time";
import { intlTag } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { AttachmentList } from "~/features/attachments/attachment-list";
import styles from "./chat.module.css";

type Role = "user" | "agent" | "admin";

function Time({ iso }: { iso: string }) {
  const locale = intlTag(useLocale().locale);
  return (
    <time className={styles.meta} dateTime={iso} title={fullMessageTime(iso, { locale })}>
      {formatMessageTime(iso, { locale })}
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

export function adminLabel(
  card: AgentCard,
  words: { team: (clinic: string) => string; administrator: string },
): string {
  return card.clinicName ? words.team(card.clinicName) : words.administrator;
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
  const t = useT("chat");
  switch (item.kind) {
    case "message": {
      const { role, content, timestamp } = item.message;
      const author =
        role === "agent" ? card.displayName : role === "admin" ? adminLabel(card, t.bubble) : null;
      return (
        <Row role={role} state="sent" author={author} streamed={item.streamed}>
          <AttachmentList attachments={item.message.attachments ?? []} />
          {content !== "" && <div className={styles.bubble}>{content}</div>}
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
          <div className={styles.bubble}>
            {item.fileNames.map((name) => (
              <span key={name} className={styles.fileNames} data-testid="outgoing-file">
                {name}
              </span>
            ))}
            {item.content}
          </div>
          {item.state === "sending" ? (
            <span className={styles.meta}>{t.bubble.sending}</span>
          ) : (
            <>
              <p className={styles.problem} role="alert" data-testid="send-error">
                {item.error && t.sendErrors[item.error]}
              </p>
              <div className={styles.actions}>
                <Button
                  variant="link"
                  className={styles.linkButton}
                  onClick={() => onRetry(item.key)}
                  data-testid="send-retry"
                >
                  {t.bubble.retry}
                </Button>
                <Button
                  variant="link"
                  className={styles.linkButton}
                  onClick={() => onWithdraw(item.key)}
                  data-testid="send-withdraw"
                >
                  {t.bubble.edit}
                </Button>
              </div>
            </>
          )}
        </Row>
      );
  }
}
