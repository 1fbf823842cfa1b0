"use client";

import { useId, useState, type FormEvent } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import {
  checkForm,
  createInput,
  emptyForm,
  serverFieldErrors,
  telegramBotId,
  updateInput,
  type BindingField,
  type BindingForm as FormValues,
  type FormErrors,
} from "./binding-form-state";
import type { Binding, BoundChannel, VerifyResult } from "./types";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { ChannelGuide } from "./channel-guide";
import styles from "./channels.module.css";

type Mode = { kind: "create"; channel: BoundChannel } | { kind: "update"; binding: Binding };

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
  mode: Mode;
  /** The field the keyboard starts in, when the form opens for one purpose. */
  focus?: BindingField;
  onDone: (bindingId: string, verified: VerifyResult | null) => void;
  onCancel: () => void;
}) {
  const t = useT("channels");
  const common = useT("common");
  const { sessionLost } = useSession();
  const id = useId();
  const channel =
    mode.kind === "create" ? mode.channel : (mode.binding.channelType as BoundChannel);
  const [form, setForm] = useState<FormValues>(() => ({
    ...emptyForm(channel),
    username: mode.kind === "update" ? (mode.binding.channelUsername ?? "") : "",
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const create = trpc.bindings.create.useMutation();
  const update = trpc.bindings.update.useMutation();
  const verify = trpc.bindings.verify.useMutation();
  const busy = create.isPending || update.isPending || verify.isPending;

  const fail = (error: unknown) => {
    if (isUnauthorized(error)) return sessionLost();
    const mapped = serverFieldErrors(error);
    setErrors(mapped.fields);
    setGeneral(mapped.general);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkForm(form, mode.kind);
    const local: FormErrors = {};
    for (const [field, problem] of Object.entries(problems)) {
      local[field as BindingField] = t.form[problem];
    }
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length > 0) return;
    try {
      if (mode.kind === "create") {
        const binding = await create.mutateAsync(createInput(agentId, form));
        // The platform's verdict right away: the admin learns now whether the token works.
        const verified = await verify
          .mutateAsync({ bindingId: binding.bindingId })
          .catch(() => null);
        onDone(binding.bindingId, verified);
      } else {
        const binding = await update.mutateAsync(
          updateInput(mode.binding.bindingId, form, mode.binding.version),
        );
        const verified = form.accessToken.trim()
          ? await verify.mutateAsync({ bindingId: binding.bindingId }).catch(() => null)
          : null;
        onDone(binding.bindingId, verified);
      }
    } catch (error) {
      fail(error);
    }
  };

  const field = (
    name: BindingField,
    label: string,
    options: { hint?: string; secret?: boolean; disabled?: boolean; value?: string } = {},
  ) => {
    const inputId = `${id}-${name}`;
    const error = errors[name];
    return (
      <div className={styles.field}>
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type={options.secret ? "password" : "text"}
          autoComplete={options.secret ? "new-password" : "off"}
          spellCheck={false}
          value={options.value ?? form[name]}
          disabled={options.disabled}
          autoFocus={focus === name}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-note`}
          data-testid={`binding-${name}`}
        />
        <span id={`${inputId}-note`} className={error ? styles.fieldError : styles.hint}>
          {error ?? options.hint}
        </span>
      </div>
    );
  };

  const keep = mode.kind === "update" ? t.form.keepSecret : undefined;
  const title =
    mode.kind === "create"
      ? t.connectChannel(common.channels[channel])
      : `${t.edit} · ${common.channels[channel]}`;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      data-testid="binding-form"
      noValidate
    >
      <h3>{title}</h3>
      {mode.kind === "create" && <ChannelGuide channel={channel} />}
      {channel === "telegram"
        ? mode.kind === "create" &&
          telegramBotId(form.accessToken) &&
          field("accountId", t.form.accountId.telegram, {
            hint: t.form.accountIdHint.telegram,
            disabled: true,
            value: telegramBotId(form.accessToken) ?? "",
          })
        : mode.kind === "create" &&
          field("accountId", t.form.accountId[channel], { hint: t.form.accountIdHint[channel] })}
      {field("accessToken", t.form.accessToken[channel], { secret: true, hint: keep })}
      {channel !== "telegram" &&
        field("appSecret", t.form.appSecret, {
          secret: true,
          hint: keep ? `${t.form.appSecretHint} ${keep}` : t.form.appSecretHint,
        })}
      {field("username", t.form.username, { hint: t.form.usernameHint })}
      {general && (
        <p className={styles.error} role="alert" data-testid="binding-form-error">
          {general}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={busy} data-testid="binding-save">
          {busy ? t.connecting : mode.kind === "create" ? t.connect : t.form.save}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t.form.cancel}
        </button>
      </div>
    </form>
  );
}
