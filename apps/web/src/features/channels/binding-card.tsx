"use client";

import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import type { BindingField } from "./binding-form-state";
import { bindingState } from "./binding-status";
import type { Binding, BindingHealth, BoundChannel, VerifyResult } from "./types";
import { formatDateTime } from "~/i18n/format";
import { trpc } from "~/lib/trpc";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { useSession } from "~/features/console/session-context";
import { BindingForm } from "./binding-form";
import { BindingSecrets } from "./binding-secrets";
import styles from "./channels.module.css";
import { VerifyOutcomeView } from "./verify-outcome-view";
import { WebhookBox } from "./webhook-box";

/** One connected account: its state and health, and what an admin can do with it. */
export function BindingCard({
  binding,
  health,
  outcome,
  onVerified,
  onChanged,
}: {
  binding: Binding;
  health: BindingHealth | undefined;
  outcome: VerifyResult | undefined;
  onVerified: (result: VerifyResult) => void;
  onChanged: () => void;
}) {
  const t = useT("channels");
  const common = useT("common");
  const { locale } = useLocale();
  const { sessionLost } = useSession();
  // The field to start in when the form opens ("accessToken" from the Change credentials button).
  const [editing, setEditing] = useState<BindingField | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onError = (error: { message: string }) => {
    if (isUnauthorized(error)) sessionLost();
    else setProblem(error.message);
  };
  const verify = trpc.bindings.verify.useMutation({
    onSuccess: (result) => {
      onVerified(result);
      onChanged();
    },
    onError,
  });
  const toggle = trpc.bindings.update.useMutation({ onSuccess: onChanged, onError });
  const remove = trpc.bindings.delete.useMutation({
    onSuccess: () => {
      setDeleting(false);
      onChanged();
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const channel = binding.channelType as BoundChannel;
  const state = bindingState(binding, health);
  const account = binding.channelUsername
    ? `${binding.channelUsername} (${binding.channelAccountId})`
    : binding.channelAccountId;
  const lastError = health?.lastError ?? binding.lastError;
  const lastErrorAt = health?.lastErrorAt ?? binding.lastErrorAt;
  const busy = verify.isPending || toggle.isPending || remove.isPending;

  return (
    <li className={styles.card} data-testid="binding-card" data-channel={channel}>
      <div className={styles.cardHead}>
        <strong>{common.channels[channel]}</strong>
        <span className={styles.state} data-state={state} data-testid="binding-state">
          {t.states[state]}
        </span>
        <span className="muted">{account}</span>
      </div>
      <dl className={styles.facts} data-testid="binding-health" aria-label={t.health.title}>
        <dt>{t.health.lastEvent}</dt>
        <dd data-testid="health-last-event">
          {health?.lastInboundAt ? formatDateTime(locale, health.lastInboundAt) : t.health.never}
        </dd>
        <dt>{t.health.lastError}</dt>
        <dd data-testid="health-last-error">
          {lastError
            ? `${lastError}${lastErrorAt ? ` (${formatDateTime(locale, lastErrorAt)})` : ""}`
            : t.health.none}
        </dd>
        <dt>{t.health.deadLetters}</dt>
        <dd data-testid="health-dead-letters">{health?.deadLetters ?? 0}</dd>
      </dl>
      <BindingSecrets
        secrets={binding.webhookSecrets}
        onAddAppSecret={() => setEditing("appSecret")}
      />
      {outcome && <VerifyOutcomeView result={outcome} />}
      {problem && (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      )}
      {channel !== "telegram" && !binding.isVerified && <WebhookBox channel={channel} />}
      {editing ? (
        <BindingForm
          agentId={binding.agentId}
          mode={{ kind: "update", binding }}
          focus={editing}
          onCancel={() => setEditing(null)}
          onDone={(_, verified) => {
            setEditing(null);
            if (verified) onVerified(verified);
            onChanged();
          }}
        />
      ) : (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.primary}
            onClick={() => {
              setProblem(null);
              verify.mutate({ bindingId: binding.bindingId });
            }}
            disabled={busy}
            data-testid="binding-verify"
          >
            {verify.isPending ? t.verifying : t.verify}
          </button>
          <button
            type="button"
            onClick={() => {
              setProblem(null);
              toggle.mutate({
                bindingId: binding.bindingId,
                isActive: !binding.isActive,
                expectedVersion: binding.version,
              });
            }}
            disabled={busy}
            data-testid="binding-toggle"
          >
            {binding.isActive ? t.deactivate : t.activate}
          </button>
          <button type="button" onClick={() => setEditing("accessToken")} disabled={busy}>
            {t.edit}
          </button>
          <button
            type="button"
            className={styles.danger}
            onClick={() => setDeleting(true)}
            disabled={busy}
            data-testid="binding-delete"
          >
            {t.delete}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title={t.deleteTitle}
        confirmLabel={t.deleteConfirm}
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => remove.mutate({ bindingId: binding.bindingId })}
        onCancel={() => {
          setDeleting(false);
          remove.reset();
        }}
      >
        {t.deleteBody(common.channels[channel], account)}
      </ConfirmDialog>
    </li>
  );
}
