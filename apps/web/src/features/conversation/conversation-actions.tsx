"use client";

import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import type { ConversationRow } from "~/features/console/types";
import { trpc } from "~/lib/trpc";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { ResolveButton } from "~/features/resolve/resolve-button";
import { SnoozeControl } from "~/features/resolve/snooze-control";
import styles from "./conversation.module.css";

/** Handoff / take over / return to AI / close, offered by status as the API allows them. */
export function ConversationActions({
  conversation,
  onChanged,
}: {
  conversation: ConversationRow;
  onChanged: (row: ConversationRow) => void;
}) {
  const t = useT("conversations").actions;
  const { sessionLost } = useSession();
  const [confirmClose, setConfirmClose] = useState(false);
  const options = {
    onSuccess: onChanged,
    onError: (error: unknown) => {
      if (isUnauthorized(error)) sessionLost();
    },
  };
  const handoff = trpc.conversations.handoff.useMutation(options);
  const returnToAi = trpc.conversations.returnToAi.useMutation(options);
  const close = trpc.conversations.close.useMutation({
    ...options,
    onSuccess: (row) => {
      setConfirmClose(false);
      onChanged(row);
    },
  });
  const busy = handoff.isPending || returnToAi.isPending || close.isPending;
  const error = handoff.error ?? returnToAi.error;
  const { conversationId, status } = conversation;
  if (status === "CLOSED") return null;

  return (
    <div className={styles.actions}>
      {status === "AI_ACTIVE" && (
        <Button
          disabled={busy}
          onClick={() => handoff.mutate({ conversationId })}
          data-testid="action-handoff"
          data-shortcut="take-over"
        >
          {t.handoff}
        </Button>
      )}
      {status === "NEEDS_HUMAN" && (
        <Button
          variant="primary"
          disabled={busy}
          onClick={() => handoff.mutate({ conversationId })}
          data-testid="action-take-over"
          data-shortcut="take-over"
        >
          {t.takeOver}
        </Button>
      )}
      {(status === "NEEDS_HUMAN" || status === "HUMAN_ACTIVE") && (
        <Button
          disabled={busy}
          onClick={() => returnToAi.mutate({ conversationId })}
          data-testid="action-return"
        >
          {t.returnToAi}
        </Button>
      )}
      <ResolveButton conversation={conversation} size="md" onResolved={onChanged} />
      <SnoozeControl conversation={conversation} onChanged={onChanged} />
      <Button disabled={busy} onClick={() => setConfirmClose(true)} data-testid="action-close">
        {t.close}
      </Button>
      {error && (
        <Notice tone="danger" look="text" role="alert">
          {error.message}
        </Notice>
      )}
      <ConfirmDialog
        open={confirmClose}
        title={t.closeTitle}
        confirmLabel={t.closeConfirm}
        busy={close.isPending}
        error={close.error?.message ?? null}
        onCancel={() => {
          setConfirmClose(false);
          close.reset();
        }}
        onConfirm={() => close.mutate({ conversationId })}
      >
        {t.closeBody}
      </ConfirmDialog>
    </div>
  );
}
