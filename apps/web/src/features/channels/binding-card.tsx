"use client";

import { Badge, type BadgeTone } from "~/ui/badge";
import { Notice } from "~/ui/notice";
import { Button } from "~/ui/button";
import { useState } from "react";
import type { BindingField } from "./binding-form-state";
import { bindingErrorText } from "./binding-error-text";
import { bindingState, type BindingState } from "./binding-status";
import type { Binding, BindingHealth, BoundChannel, VerifyResult } from "./types";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { mutationDialogProps } from "~/ui/mutation-dialog";
import { BindingForm } from "./binding-form";
import { TwilioWebhookBox } from "./twilio-guide";
import { BindingSecrets } from "./binding-secrets";
import styles from "./channels.module.css";
import { TelegramGroupsOption } from "./telegram-groups-option";
import { tokenLife, tokenNeedsAttention } from "./token-life";
import { useBindingActions } from "./use-binding-actions";
import { VerifyOutcomeView } from "./verify-outcome-view";
import { WebhookBox } from "./webhook-box";

const STATE_TONES: Record<BindingState, BadgeTone> = {
  active: "accent",
  unverified: "warning",
  error: "danger",
  inactive: "neutral",
};

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
  // The field to start in when the form opens ("accessToken" from the Change credentials button).
  const [editing, setEditing] = useState<BindingField | null>(null);
  const actions = useBindingActions(binding, onVerified, onChanged);
  const channel = binding.channelType as BoundChannel;
  const state = bindingState(binding, health);
  const account = binding.channelUsername
    ? `${binding.channelUsername} (${binding.channelAccountId})`
    : binding.channelAccountId;

  return (
    <li className={styles.card} data-testid="binding-card" data-channel={channel}>
      <div className={styles.cardHead}>
        <strong>{common.channels[channel]}</strong>
        <Badge tone={STATE_TONES[state]} data-state={state} data-testid="binding-state">
          {t.states[state]}
        </Badge>
        <span className="muted">{account}</span>
      </div>
      <HealthFacts binding={binding} health={health} />
      <BindingSecrets
        secrets={binding.webhookSecrets}
        onAddAppSecret={() => setEditing("appSecret")}
      />
      {outcome && <VerifyOutcomeView result={outcome} />}
      {actions.problem && (
        <Notice tone="danger" look="text" role="alert">
          {actions.problem}
        </Notice>
      )}
      {channel === "telegram" && <TelegramGroupsOption binding={binding} onChanged={onChanged} />}
      {channel !== "telegram" &&
        !binding.isVerified &&
        (binding.metadata.provider === "twilio" ? (
          <TwilioWebhookBox />
        ) : (
          <WebhookBox channel={channel} />
        ))}
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
        <BindingButtons
          actions={actions}
          active={binding.isActive}
          onEdit={() => setEditing("accessToken")}
        />
      )}
      <ConfirmDialog
        open={actions.deleting}
        title={t.deleteTitle}
        confirmLabel={t.deleteConfirm}
        {...mutationDialogProps(actions.remove, actions.closeDelete)}
        onConfirm={() => actions.remove.mutate({ bindingId: binding.bindingId })}
      >
        {t.deleteBody(common.channels[channel], account)}
      </ConfirmDialog>
    </li>
  );
}

/** When the account last heard from its platform, its last error and its undelivered events. */
function HealthFacts({ binding, health }: { binding: Binding; health: BindingHealth | undefined }) {
  const words = useT("channels");
  const t = words.health;
  const { locale } = useLocale();
  const lastError = health ? health.lastError : binding.lastError;
  const lastErrorAt = health ? health.lastErrorAt : binding.lastErrorAt;
  const lastErrorReason = health ? health.lastErrorReason : binding.lastErrorReason;
  return (
    <dl className={styles.facts} data-testid="binding-health" aria-label={t.title}>
      <dt>{t.lastEvent}</dt>
      <dd data-testid="health-last-event">
        {health?.lastInboundAt ? formatDateTime(locale, health.lastInboundAt) : t.never}
      </dd>
      <dt>{t.lastError}</dt>
      <dd data-testid="health-last-error">
        {lastError
          ? `${bindingErrorText({ reason: lastErrorReason, text: lastError }, words)}${lastErrorAt ? ` (${formatDateTime(locale, lastErrorAt)})` : ""}`
          : t.none}
      </dd>
      <dt>{t.deadLetters}</dt>
      <dd data-testid="health-dead-letters">{health?.deadLetters ?? 0}</dd>
      {binding.channelType === "instagram" && <TokenFact health={health} />}
      {binding.twilio && (
        <>
          <dt>{t.twilioCredentials}</dt>
          <dd data-testid="health-twilio-credentials">
            {`${t.twilioSource[binding.twilio.accountSid]} / ${t.twilioSource[binding.twilio.authToken]}`}
          </dd>
        </>
      )}
    </dl>
  );
}

/** Instagram's long-lived token: until when it works, or why it will not. */
function TokenFact({ health }: { health: BindingHealth | undefined }) {
  const t = useT("channels").health;
  const { locale } = useLocale();
  const [now] = useState(() => Date.now());
  const life = tokenLife(health, now);
  const text = (() => {
    switch (life.kind) {
      case "revoked":
        return t.tokenRevoked(life.message);
      case "refresh_failed":
        return t.tokenRefreshFailed(life.message);
      case "expired":
        return t.tokenExpired(formatDateTime(locale, life.expiresAt));
      case "valid":
        return t.tokenValid(formatDateTime(locale, life.expiresAt), life.daysLeft);
      case "unknown":
        return t.tokenUnknown;
    }
  })();
  return (
    <>
      <dt>{t.token}</dt>
      <dd
        data-testid="health-token"
        data-token-state={life.kind}
        className={tokenNeedsAttention(life) ? styles.tokenProblem : undefined}
      >
        {text}
      </dd>
    </>
  );
}

/** Verify, switch on or off, change credentials, delete. */
function BindingButtons({
  actions,
  active,
  onEdit,
}: {
  actions: ReturnType<typeof useBindingActions>;
  active: boolean;
  onEdit: () => void;
}) {
  const t = useT("channels");
  return (
    <div className={styles.actions}>
      <Button
        variant="primary"
        onClick={actions.verify}
        disabled={actions.busy}
        data-testid="binding-verify"
      >
        {actions.verifying ? t.verifying : t.verify}
      </Button>
      <Button onClick={actions.toggle} disabled={actions.busy} data-testid="binding-toggle">
        {active ? t.deactivate : t.activate}
      </Button>
      <Button onClick={onEdit} disabled={actions.busy} data-testid="binding-edit">
        {t.edit}
      </Button>
      <Button
        variant="danger"
        onClick={actions.askDelete}
        disabled={actions.busy}
        data-testid="binding-delete"
      >
        {t.delete}
      </Button>
    </div>
  );
}
