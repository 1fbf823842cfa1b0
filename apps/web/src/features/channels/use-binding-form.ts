"use client";

import { useState, type FormEvent } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import {
  checkForm,
  createInput,
  credentialsChanged,
  emptyForm,
  serverFieldErrors,
  updateInput,
  type BindingField,
  type BindingForm as FormValues,
  type FormErrors,
} from "./binding-form-state";
import type { Binding, BoundChannel, VerifyResult } from "./types";

export type BindingFormMode =
  { kind: "create"; channel: BoundChannel } | { kind: "update"; binding: Binding };

/**
 * The binding form's values and errors, and its save: create (then ask the platform whether the
 * credentials work) or update (verifying again only when a new token was given).
 */
export function useBindingForm(
  agentId: string,
  mode: BindingFormMode,
  onDone: (bindingId: string, verified: VerifyResult | null) => void,
) {
  const t = useT("channels");
  const { sessionLost } = useSession();
  const channel =
    mode.kind === "create" ? mode.channel : (mode.binding.channelType as BoundChannel);
  const [form, setForm] = useState<FormValues>(() => {
    if (mode.kind === "create") return emptyForm(channel);
    const { binding } = mode;
    const twilio = binding.metadata.provider === "twilio";
    return {
      ...emptyForm(channel, twilio ? "twilio" : "meta"),
      username: binding.channelUsername ?? "",
      // A Twilio binding's sender and account SID are no secrets: they start as they are.
      ...(twilio
        ? {
            accountId: binding.channelAccountId,
            accountSid: binding.twilio?.ownAccountSid ?? "",
          }
        : {}),
    };
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const create = trpc.bindings.create.useMutation();
  const update = trpc.bindings.update.useMutation();
  const verify = trpc.bindings.verify.useMutation();
  // Which Twilio credentials Channel settings (or the environment) already has, so they are optional.
  const setup = trpc.bindings.webhookSetup.useQuery(undefined, { staleTime: 60_000 });
  const inherited = {
    accountSid: setup.data?.twilio.accountSidSet ?? false,
    authToken: setup.data?.twilio.authTokenSet ?? false,
  };

  const fail = (error: unknown) => {
    if (isUnauthorized(error)) return sessionLost();
    const mapped = serverFieldErrors(error);
    setErrors(mapped.fields);
    setGeneral(mapped.general);
  };

  const save = async () => {
    if (mode.kind === "create") {
      const binding = await create.mutateAsync(createInput(agentId, form));
      // The platform's verdict right away: the admin learns now whether the token works.
      const verified = await verify.mutateAsync({ bindingId: binding.bindingId }).catch(() => null);
      onDone(binding.bindingId, verified);
    } else {
      const binding = await update.mutateAsync(
        updateInput(mode.binding.bindingId, form, mode.binding.version),
      );
      const verified = credentialsChanged(form, mode.binding)
        ? await verify.mutateAsync({ bindingId: binding.bindingId }).catch(() => null)
        : null;
      onDone(binding.bindingId, verified);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkForm(form, mode.kind, inherited);
    const local: FormErrors = {};
    for (const [field, problem] of Object.entries(problems)) {
      local[field as BindingField] = t.form[problem];
    }
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length > 0) return;
    try {
      await save();
    } catch (error) {
      fail(error);
    }
  };

  return {
    channel,
    form,
    inherited,
    set: (name: BindingField, value: string) => setForm({ ...form, [name]: value }),
    /** Editing a Twilio binding that has its own auth token (so it can give it up); null when creating. */
    ownAuthToken: mode.kind === "update" ? mode.binding.twilio?.authToken === "binding" : null,
    setUseSettingsAuthToken: (on: boolean) =>
      setForm({ ...form, useSettingsAuthToken: on, ...(on ? { accessToken: "" } : {}) }),
    setProvider: (provider: FormValues["provider"]) => {
      setForm({ ...form, provider });
      setErrors({});
      setGeneral(null);
    },
    errors,
    general,
    busy: create.isPending || update.isPending || verify.isPending,
    submit,
  };
}
