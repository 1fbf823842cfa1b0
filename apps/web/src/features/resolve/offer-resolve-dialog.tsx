"use client";

import type { ConversationRow } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { Dialog } from "~/ui/dialog";
import { DialogActions } from "~/ui/dialog-actions";
import { Notice } from "~/ui/notice";
import { useResolve } from "./use-resolve";

/** What a move to a final stage offers: resolving the conversation too. */
export interface ResolveOffer {
  conversationId: string;
  stageName: string;
}

/** Shown after a card lands in a final stage (Booked, Rejected): resolve it too, or not now. */
export function OfferResolveDialog({
  offer,
  onDone,
  onResolved,
}: {
  offer: ResolveOffer | null;
  onDone: () => void;
  onResolved?: (row: ConversationRow) => void;
}) {
  const t = useT("resolve").offer;
  const common = useT("common");
  const resolve = useResolve((row) => {
    onResolved?.(row);
    onDone();
  });
  const close = () => {
    resolve.reset();
    onDone();
  };
  return (
    <Dialog open={offer !== null} title={t.title} onClose={close} testId="offer-resolve">
      <p>{offer && t.body(offer.stageName)}</p>
      {resolve.error && (
        <Notice tone="danger" look="text" role="alert">
          {resolve.error.message}
        </Notice>
      )}
      <DialogActions
        label={resolve.isPending ? common.console.working : t.confirm}
        cancelLabel={t.skip}
        onCancel={close}
        busy={resolve.isPending}
        onConfirm={() => offer && resolve.mutate({ conversationId: offer.conversationId })}
        testId="offer-resolve-confirm"
      />
    </Dialog>
  );
}
