"use client";

import type { ReactNode } from "react";
import { Notice } from "~/ui/notice";
import { Button } from "~/ui/button";
import { isTwilioForm, telegramBotId, type BindingField } from "./binding-form-state";
import { ProviderChoice } from "./provider-choice";
import { TwilioGuide } from "./twilio-guide";
import type { BoundChannel, VerifyResult } from "./types";
import { useT } from "~/i18n/i18n-provider";
import { ChannelGuide } from "./channel-guide";
import { useBindingForm, type BindingFormMode } from "./use-binding-form";
import { Field } from "~/ui/field";
import { TextInput } from "~/ui/inputs";
import styles from "./channels.module.css";

/**
 * Connects a channel (then asks the platform whether the credentials work) or replaces a binding's
 * credentials. Secrets are write-only: the form never holds what is stored.
 */
export function BindingForm({
  agentId,
  mode,
  focus,
  onDone,
  onCancel,
}: {
  agentId: string;
  mode: BindingFormMode;
  /** The field the keyboard starts in, when the form opens for one purpose. */
  focus?: BindingField;
  onDone: (bindingId: string, verified: VerifyResult | null) => void;
  onCancel: () => void;
}) {
  const t = useT("channels");
  const common = useT("common");
  const state = useBindingForm(agentId, mode, onDone);
  const { channel, form, busy } = state;
  const creating = mode.kind === "create";
  const field = (
    name: BindingField,
    label: string,
    options: { hint?: string; secret?: boolean; disabled?: boolean; value?: string } = {},
  ) => (
    <CredentialField
      name={name}
      label={label}
      value={options.value ?? form[name]}
      onChange={(value) => state.set(name, value)}
      error={state.errors[name]}
      hint={options.hint}
      secret={options.secret}
      disabled={options.disabled}
      autoFocus={focus === name}
    />
  );

  const keep = creating ? undefined : t.form.keepSecret;
  const botId = telegramBotId(form.accessToken);
  const twilio = isTwilioForm(form);
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void state.submit(event)}
      data-testid="binding-form"
      noValidate
    >
      <h3>
        {creating
          ? t.connectChannel(common.channels[channel])
          : `${t.edit} · ${common.channels[channel]}`}
      </h3>
      {creating && channel === "whatsapp" && (
        <ProviderChoice value={form.provider} onChange={state.setProvider} />
      )}
      {twilio ? (
        <TwilioFields
          creating={creating}
          field={field}
          inherited={state.inherited}
          ownAuthToken={state.ownAuthToken}
          useSettings={form.useSettingsAuthToken}
          onUseSettings={state.setUseSettingsAuthToken}
        />
      ) : (
        <MetaOrTelegramFields
          creating={creating}
          channel={channel}
          field={field}
          botId={botId}
          keep={keep}
        />
      )}
      {field("username", t.form.username, { hint: t.form.usernameHint })}
      {state.general && (
        <Notice tone="danger" look="text" role="alert" data-testid="binding-form-error">
          {state.general}
        </Notice>
      )}
      <div className={styles.actions}>
        <Button variant="primary" type="submit" disabled={busy} data-testid="binding-save">
          {busy ? t.connecting : creating ? t.connect : t.form.save}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t.form.cancel}
        </Button>
      </div>
    </form>
  );
}

type FieldOf = (
  name: BindingField,
  label: string,
  options?: { hint?: string; secret?: boolean; disabled?: boolean; value?: string },
) => ReactNode;

/** Meta's account id, token and app secret, or Telegram's bot token. */
function MetaOrTelegramFields({
  creating,
  channel,
  field,
  botId,
  keep,
}: {
  creating: boolean;
  channel: BoundChannel;
  field: FieldOf;
  botId: string | null;
  keep: string | undefined;
}) {
  const t = useT("channels");
  return (
    <>
      {creating && <ChannelGuide channel={channel} />}
      {channel === "telegram"
        ? creating &&
          botId &&
          field("accountId", t.form.accountId.telegram, {
            hint: t.form.accountIdHint.telegram,
            disabled: true,
            value: botId,
          })
        : creating &&
          field("accountId", t.form.accountId[channel], { hint: t.form.accountIdHint[channel] })}
      {field("accessToken", t.form.accessToken[channel], { secret: true, hint: keep })}
      {channel !== "telegram" &&
        field("appSecret", t.form.appSecret, {
          secret: true,
          hint: keep ? `${t.form.appSecretHint} ${keep}` : t.form.appSecretHint,
        })}
    </>
  );
}

/**
 * Twilio's sender, account SID and auth token; the last two may come from Channel settings. Editing
 * a binding with its own token, it can be given up for Channel settings' (when those have one).
 */
function TwilioFields({
  creating,
  field,
  inherited,
  ownAuthToken,
  useSettings,
  onUseSettings,
}: {
  creating: boolean;
  field: FieldOf;
  inherited: { accountSid: boolean; authToken: boolean };
  ownAuthToken: boolean | null;
  useSettings: boolean;
  onUseSettings: (on: boolean) => void;
}) {
  const t = useT("channels").twilio;
  const keep = useT("channels").form.keepSecret;
  // Editing: an empty field keeps the binding's own token, or keeps using Channel settings'.
  const tokenHint =
    ownAuthToken === true ? keep : inherited.authToken ? t.fromSettings : t.authTokenHint;
  return (
    <>
      {creating && <TwilioGuide />}
      {field("accountId", t.sender, { hint: t.senderHint })}
      {field("accountSid", inherited.accountSid ? t.accountSidOptional : t.accountSid, {
        hint: inherited.accountSid ? t.fromSettings : t.accountSidHint,
      })}
      {field("accessToken", inherited.authToken ? t.authTokenOptional : t.authToken, {
        secret: true,
        hint: tokenHint,
        disabled: useSettings,
      })}
      {ownAuthToken === true && inherited.authToken && (
        <label className={styles.hint}>
          <input
            type="checkbox"
            checked={useSettings}
            onChange={(e) => onUseSettings(e.target.checked)}
            data-testid="binding-useSettingsAuthToken"
          />{" "}
          {t.useSettingsToken}
        </label>
      )}
    </>
  );
}

/** One credential: its label, the input (write-only for secrets) and its error or hint under it. */
function CredentialField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  secret,
  disabled,
  autoFocus,
}: {
  name: BindingField;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint: string | undefined;
  secret: boolean | undefined;
  disabled: boolean | undefined;
  autoFocus: boolean;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      <TextInput
        className={styles.credential}
        type={secret ? "password" : "text"}
        autoComplete={secret ? "new-password" : "off"}
        spellCheck={false}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`binding-${name}`}
      />
    </Field>
  );
}
