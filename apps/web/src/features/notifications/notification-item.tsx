"use client";

import { useState } from "react";
import { isUnauthorized, errorMessage, isConflict } from "~/features/console/api-error";
import { notificationFieldIssues, type NotificationChat } from "./notification-rules";
import { LOCALE_NAMES } from "~/i18n/locales";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { useAgents } from "~/features/console/use-lookups";
import { useAssignees } from "~/features/assignment/use-assignees";
import { Badge } from "~/ui/badge";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import admin from "~/ui/admin-page.module.css";
import styles from "~/features/users/users.module.css";

type Result = { kind: "ok" | "error"; text: string } | null;

/** One alert chat: who it alerts about, on/off, a test message that shows what Telegram said. */
export function NotificationItem({
  chat,
  onEdit,
  onDelete,
  onChanged,
}: {
  chat: NotificationChat;
  onEdit: () => void;
  onDelete: () => void;
  onChanged: () => void;
}) {
  const t = useT("notifications");
  const common = useT("common");
  const { sessionLost } = useSession();
  const agents = useAgents().byId;
  const staff = useAssignees().byId;
  const owner = chat.staffUserId ? (staff.get(chat.staffUserId)?.name ?? chat.staffUserId) : null;
  const [result, setResult] = useState<Result>(null);

  const failure = (error: unknown): string => {
    if (isUnauthorized(error)) sessionLost();
    if (isConflict(error)) {
      onChanged();
      return t.changedElsewhere;
    }
    const field = notificationFieldIssues(error);
    return field.botToken ?? field.chatId ?? errorMessage(error, common.errors.generic);
  };
  const test = trpc.notifications.test.useMutation({
    onMutate: () => setResult(null),
    onSuccess: (sent) =>
      setResult({
        kind: "ok",
        text: sent.isActive ? t.item.testSent(sent.messageId) : t.item.testSentPaused,
      }),
    onError: (error) => setResult({ kind: "error", text: t.item.testFailed(failure(error)) }),
  });
  const toggle = trpc.notifications.update.useMutation({
    onMutate: () => setResult(null),
    onSuccess: onChanged,
    onError: (error) => setResult({ kind: "error", text: failure(error) }),
  });

  const scope =
    chat.agentIds.length === 0
      ? t.item.allAgents
      : t.item.agents(chat.agentIds.map((id) => agents.get(id)?.card.displayName ?? id).join(", "));

  return (
    <li
      className={admin.panel}
      data-testid="notification-item"
      data-chat-id={chat.chatId}
      data-active={String(chat.isActive)}
    >
      <div className={admin.header}>
        <h2>
          Telegram · <code>{chat.chatId}</code>
        </h2>
        <Badge tone={chat.isActive ? "accent" : "neutral"}>
          {chat.isActive ? t.item.active : t.item.paused}
        </Badge>
      </div>
      {chat.description && <p>{chat.description}</p>}
      <p className="muted">
        {scope} · {t.item.language(LOCALE_NAMES[chat.language])}
        {owner && <> · {t.item.ownChat(owner)}</>}
      </p>
      <div className={styles.actions}>
        <Button
          variant="primary"
          disabled={test.isPending}
          onClick={() => test.mutate({ configId: chat.configId })}
          data-testid="notification-test"
        >
          {test.isPending ? t.item.testing : t.item.test}
        </Button>
        <Button
          disabled={toggle.isPending}
          onClick={() =>
            toggle.mutate({
              configId: chat.configId,
              isActive: !chat.isActive,
              expectedVersion: chat.version,
            })
          }
          data-testid="notification-toggle"
        >
          {chat.isActive ? t.item.disable : t.item.enable}
        </Button>
        <Button onClick={onEdit} data-testid="notification-edit">
          {t.item.edit}
        </Button>
        <Button variant="danger" onClick={onDelete} data-testid="notification-delete">
          {t.item.remove}
        </Button>
      </div>
      {result && (
        <Notice
          tone={result.kind === "ok" ? "success" : "danger"}
          role={result.kind === "ok" ? "status" : "alert"}
          data-testid="notification-test-result"
          data-result={result.kind}
        >
          {result.text}
        </Notice>
      )}
    </li>
  );
}
