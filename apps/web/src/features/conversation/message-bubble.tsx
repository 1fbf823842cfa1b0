"use client";

import { authorOf, turnDetails } from "./turn-details";
import type { TranscriptMessage } from "~/features/console/types";
import { causeWords, escalationTypeLabel } from "~/i18n/escalation-words";
import { intlTag } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { DeliveryStatus } from "./delivery-status";
import { TurnFacts } from "./turn-facts";
import { Badge } from "~/ui/badge";
import { MessageTranslation } from "~/features/copilot/message-translation";
import { AttachmentList } from "~/features/attachments/attachment-list";
import styles from "./conversation.module.css";

const timeOf = (tag: string, iso: string) =>
  new Date(iso).toLocaleString(tag, { dateStyle: "short", timeStyle: "short" });

export function MessageBubble({ message }: { message: TranscriptMessage }) {
  const t = useT("conversations");
  const { locale } = useLocale();
  const tag = intlTag(locale);
  const turn = turnDetails(message);
  const fromApp = message.role === "admin" && message.metadata.authorKind === "platform_app";
  const who = fromApp
    ? t.appAuthor(message.channel)
    : message.role === "admin"
      ? authorOf(message, t.roles.admin)
      : t.roles[message.role];
  return (
    <li
      className={styles.message}
      data-role={message.role}
      data-message-id={message.messageId}
      data-testid={`message-${message.role}`}
    >
      <div className={styles.bubble}>
        <div className={styles.byline}>
          <span
            className={styles.author}
            data-testid="message-author"
            data-author-kind={fromApp ? "platform_app" : undefined}
            title={fromApp ? t.appAuthorHint : undefined}
          >
            {who}
          </span>
          {turn?.escalation && (
            <Badge
              tone="warning"
              data-testid="escalation-badge"
              title={
                turn.escalation.cause
                  ? causeWords(turn.escalation.cause, locale)
                  : turn.escalation.reason
              }
            >
              {t.escalated(escalationTypeLabel(turn.escalation.type, locale))}
            </Badge>
          )}
        </div>
        {/* With its files shown, "[file]" above them says nothing more. */}
        {message.kind !== "text" && !message.attachments?.length && (
          <span className={styles.kind}>[{message.kind}]</span>
        )}
        <AttachmentList attachments={message.attachments ?? []} />
        {message.content !== "" && <p className={styles.text}>{message.content}</p>}
        {message.role === "user" && message.content.trim() !== "" && (
          <MessageTranslation
            conversationId={message.conversationId}
            messageId={message.messageId}
          />
        )}
        <div className={styles.footer}>
          <time dateTime={message.timestamp}>{timeOf(tag, message.timestamp)}</time>
          {message.deliveryStatus && message.deliveryStatus !== "not_applicable" && (
            <DeliveryStatus
              status={message.deliveryStatus}
              channel={message.channel}
              error={message.deliveryError}
              failure={message.deliveryFailure}
              reasonCode={message.deliveryReason?.code}
            />
          )}
        </div>
        {turn && <TurnFacts turn={turn} />}
      </div>
    </li>
  );
}
