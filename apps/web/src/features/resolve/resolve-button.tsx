"use client";

import type { ConversationRow } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { canResolve } from "./can-resolve";
import { useResolve } from "./use-resolve";

/** One click: the conversation is done for now (the customer's next message reopens it). */
export function ResolveButton({
  conversation,
  label,
  size = "sm",
  onResolved,
}: {
  conversation: Pick<ConversationRow, "conversationId" | "status">;
  /** The accessible name when the visible word is not enough (a row among many). */
  label?: string;
  size?: "sm" | "md";
  onResolved?: (row: ConversationRow) => void;
}) {
  const t = useT("resolve");
  const resolve = useResolve(onResolved);
  if (!canResolve(conversation.status)) return null;
  return (
    <>
      <Button
        size={size}
        disabled={resolve.isPending}
        aria-label={label}
        onClick={() => resolve.mutate({ conversationId: conversation.conversationId })}
        data-testid="action-resolve"
        data-shortcut="resolve"
      >
        {t.button}
      </Button>
      {resolve.error && (
        <Notice tone="danger" look="text" role="alert">
          {`${t.failed}: ${resolve.error.message}`}
        </Notice>
      )}
    </>
  );
}
