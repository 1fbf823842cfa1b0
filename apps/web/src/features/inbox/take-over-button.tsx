"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { useSession } from "~/features/console/session-context";
import { Button } from "~/ui/button";

/** Take over from the list: confirm, hand the conversation to me, open it. */
export function TakeOverButton({ conversationId }: { conversationId: string }) {
  const t = useT("conversations").takeOver;
  const router = useRouter();
  const { sessionLost } = useSession();
  const [open, setOpen] = useState(false);
  const href = `/admin/conversations/${encodeURIComponent(conversationId)}`;
  const handoff = trpc.conversations.handoff.useMutation({
    onSuccess: () => router.push(href),
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  return (
    <>
      <Button
        variant="attention"
        size="sm"
        onClick={() => setOpen(true)}
        data-testid="take-over"
        data-shortcut="take-over"
      >
        {t.button}
      </Button>
      <ConfirmDialog
        open={open}
        title={t.title}
        confirmLabel={t.confirm}
        busy={handoff.isPending}
        error={handoff.error?.message ?? null}
        onCancel={() => {
          setOpen(false);
          handoff.reset();
        }}
        onConfirm={() => handoff.mutate({ conversationId })}
      >
        {t.body}
      </ConfirmDialog>
    </>
  );
}
