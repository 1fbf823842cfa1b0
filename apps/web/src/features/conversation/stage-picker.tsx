"use client";

import { MAX_REJECTION_REASON } from "@agents-crm/config/pipeline";
import { useState, type FormEvent } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import type { ConversationRow } from "~/features/console/types";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { useStages } from "~/features/console/use-lookups";
import { Button } from "~/ui/button";
import { Select, TextArea } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { canResolve } from "~/features/resolve/can-resolve";
import { OfferResolveDialog, type ResolveOffer } from "~/features/resolve/offer-resolve-dialog";
import styles from "./conversation.module.css";

/**
 * The pipeline stage. A stage that needs a reason (Rejected) opens a small form and is saved once, on
 * submit — the reference saved the reason on every keystroke.
 */
export function StagePicker({
  conversation,
  onChanged,
}: {
  conversation: ConversationRow;
  onChanged: (row: ConversationRow) => void;
}) {
  const t = useT("conversations").stage;
  const common = useT("common");
  const { sessionLost } = useSession();
  const { stages, byId } = useStages();
  const [pending, setPending] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [offer, setOffer] = useState<ResolveOffer | null>(null);
  const setStage = trpc.conversations.setStage.useMutation({
    onSuccess: (row) => {
      setPending(null);
      onChanged(row);
      const stage = byId.get(row.stage);
      // A final stage (Booked, Rejected) offers to resolve the conversation too.
      if (stage?.final && canResolve(row.status)) {
        setOffer({ conversationId: row.conversationId, stageName: stage.name });
      }
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const { conversationId } = conversation;
  const current = byId.get(conversation.stage);

  const askReason = (stageId: string) => {
    setPending(stageId);
    setReason(stageId === conversation.stage ? (conversation.rejectionReason ?? "") : "");
    setStage.reset();
  };
  const choose = (stageId: string) => {
    if (byId.get(stageId)?.requiresReason) return askReason(stageId);
    setPending(null);
    if (stageId !== conversation.stage)
      setStage.mutate({ conversationId, stage: stageId, rejectionReason: null });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!pending || !text) return;
    setStage.mutate({ conversationId, stage: pending, rejectionReason: text });
  };

  return (
    <section className={styles.card} aria-labelledby="stage-title">
      <h2 id="stage-title">{t.title}</h2>
      <Select
        aria-labelledby="stage-title"
        value={pending ?? conversation.stage}
        disabled={setStage.isPending || stages.length === 0}
        onChange={(e) => choose(e.target.value)}
        data-testid="stage-select"
      >
        {!current && <option value={conversation.stage}>{conversation.stage}</option>}
        {stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.name}
          </option>
        ))}
      </Select>
      {pending ? (
        <form className={styles.reasonForm} onSubmit={save} data-testid="stage-reason-form">
          <label htmlFor="stage-reason">{t.reasonFor(byId.get(pending)?.name ?? pending)}</label>
          <TextArea
            size="lg"
            id="stage-reason"
            rows={3}
            required
            maxLength={MAX_REJECTION_REASON}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="stage-reason"
          />
          <div className={styles.composerBar}>
            <Button onClick={() => setPending(null)} disabled={setStage.isPending}>
              {common.actions.cancel}
            </Button>
            <Button
              type="submit"
              variant="primary"
              disabled={!reason.trim() || setStage.isPending}
              data-testid="stage-reason-save"
            >
              {setStage.isPending ? common.actions.saving : common.actions.save}
            </Button>
          </div>
        </form>
      ) : (
        current?.requiresReason && (
          <div className={styles.reason}>
            <p data-testid="stage-reason-text">{conversation.rejectionReason ?? t.noReason}</p>
            <Button variant="link" onClick={() => askReason(conversation.stage)}>
              {t.editReason}
            </Button>
          </div>
        )
      )}
      {setStage.error && (
        <Notice tone="danger" look="text" role="alert">
          {setStage.error.message}
        </Notice>
      )}
      <OfferResolveDialog offer={offer} onDone={() => setOffer(null)} onResolved={onChanged} />
    </section>
  );
}
