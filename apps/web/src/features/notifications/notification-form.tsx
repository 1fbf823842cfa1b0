"use client";

import { MAX_NOTIFICATION_DESCRIPTION } from "@agents-crm/config/notifications";
import { useState, type FormEvent } from "react";
import { isUnauthorized, errorMessage } from "~/features/console/api-error";
import {
  notificationFieldIssues,
  notificationPatch,
  validateNotificationForm,
  type FormField,
  type NotificationChat,
  type NotificationForm as FormValues,
} from "./notification-rules";
import { trpc } from "~/lib/trpc";
import { LOCALE_NAMES, LOCALES, isLocale } from "~/i18n/locales";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { useAgents } from "~/features/console/use-lookups";
import { useAssignees } from "~/features/assignment/use-assignees";
import { Field, FieldGroup } from "~/ui/field";
import { Select, TextInput } from "~/ui/inputs";
import { FormFooter } from "~/ui/form-footer";
import admin from "~/ui/admin-page.module.css";
import styles from "~/features/users/users.module.css";

/** Adds a chat or edits one; the bot token is write-only (an empty field keeps the stored one). */
export function NotificationForm({
  editing,
  onDone,
  onCancel,
}: {
  editing: NotificationChat | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT("notifications");
  const { locale } = useLocale();
  const { sessionLost } = useSession();
  const { agents } = useAgents();
  const { people } = useAssignees();
  const mode = editing ? "edit" : "create";
  const [form, setForm] = useState<FormValues>({
    botToken: "",
    chatId: editing?.chatId ?? "",
    description: editing?.description ?? "",
    agentIds: editing?.agentIds ?? [],
    // A new chat starts in the console's language: whoever sets it up usually reads it too.
    language: editing?.language ?? locale,
    isActive: editing?.isActive ?? true,
    staffUserId: editing?.staffUserId ?? "",
  });
  const [submitted, setSubmitted] = useState(false);
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) sessionLost();
  };
  const create = trpc.notifications.create.useMutation({ onSuccess: onDone, onError });
  const update = trpc.notifications.update.useMutation({ onSuccess: onDone, onError });
  const mutation = editing ? update : create;

  const local = validateNotificationForm(form, mode);
  const server = notificationFieldIssues(mutation.error);
  const problem = (field: FormField): string | null => {
    const code = submitted ? local[field] : undefined;
    return code ? t.problems[code] : (server[field] ?? null);
  };
  const general =
    mutation.error && Object.keys(server).length === 0
      ? errorMessage(mutation.error, t.form.failed)
      : null;

  const set = (patch: Partial<FormValues>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length > 0) return;
    if (editing) {
      const patch = notificationPatch(editing, form);
      if (Object.keys(patch).length === 0) return onDone();
      update.mutate({ configId: editing.configId, expectedVersion: editing.version, ...patch });
    } else {
      create.mutate({
        botToken: form.botToken.trim(),
        chatId: form.chatId.trim(),
        description: form.description.trim() || undefined,
        agentIds: form.agentIds,
        language: form.language,
        isActive: form.isActive,
        staffUserId: form.staffUserId || undefined,
      });
    }
  };

  /** A field's error, under the test id the browser tests read it by. */
  const fieldState = (field: FormField) => ({
    error: problem(field),
    errorTestId: `notification-${field}-problem`,
  });
  const agentsProblem = problem("agentIds");

  return (
    <form className={admin.panel} onSubmit={submit} noValidate data-testid="notification-form">
      <h2>{editing ? t.form.editTitle(editing.chatId) : t.form.createTitle}</h2>
      <div className={styles.grid}>
        <Field
          label={t.fields.botToken}
          hint={editing ? t.fields.botTokenKeep : t.fields.botTokenHint}
          {...fieldState("botToken")}
        >
          <TextInput
            type="password"
            value={form.botToken}
            autoComplete="off"
            spellCheck={false}
            placeholder={editing ? "••••••••" : "123456789:AA…"}
            onChange={(e) => set({ botToken: e.target.value })}
            data-testid="notification-token"
          />
        </Field>
        <Field label={t.fields.chatId} hint={t.fields.chatIdHint} {...fieldState("chatId")}>
          <TextInput
            value={form.chatId}
            autoComplete="off"
            spellCheck={false}
            placeholder="-1001234567890"
            onChange={(e) => set({ chatId: e.target.value })}
            data-testid="notification-chat-id"
          />
        </Field>
        <Field
          label={t.fields.description}
          hint={t.fields.descriptionHint}
          {...fieldState("description")}
        >
          <TextInput
            value={form.description}
            maxLength={MAX_NOTIFICATION_DESCRIPTION + 50}
            onChange={(e) => set({ description: e.target.value })}
            data-testid="notification-description"
          />
        </Field>
        <Field label={t.fields.language} hint={t.fields.languageHint} {...fieldState("language")}>
          <Select
            value={form.language}
            onChange={(e) => {
              if (isLocale(e.target.value)) set({ language: e.target.value });
            }}
            data-testid="notification-language"
          >
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.fields.staff} hint={t.fields.staffHint}>
          <Select
            value={form.staffUserId}
            onChange={(e) => set({ staffUserId: e.target.value })}
            data-testid="notification-staff"
          >
            <option value="">{t.fields.staffShared}</option>
            {people.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FieldGroup legend={t.fields.agents} hint={t.fields.agentsHint} error={agentsProblem}>
        <div className={styles.actions}>
          {agents.map((agent) => (
            <label key={agent.agentId} className={styles.inline}>
              <input
                type="checkbox"
                checked={form.agentIds.includes(agent.agentId)}
                onChange={(e) =>
                  set({
                    agentIds: e.target.checked
                      ? [...form.agentIds, agent.agentId]
                      : form.agentIds.filter((id) => id !== agent.agentId),
                  })
                }
                data-testid={`notification-agent-${agent.agentId}`}
              />
              <span>{agent.card.displayName}</span>
            </label>
          ))}
        </div>
      </FieldGroup>
      <label className={styles.inline}>
        <input
          type="checkbox"
          checked={form.isActive}
          onChange={(e) => set({ isActive: e.target.checked })}
          data-testid="notification-active"
        />
        <span>{t.fields.active}</span>
      </label>
      <FormFooter
        className={styles.buttons}
        error={general}
        errorTestId="notification-form-error"
        cancelLabel={t.form.cancel}
        onCancel={onCancel}
        submitLabel={
          mutation.isPending
            ? editing
              ? t.form.saving
              : t.form.creating
            : editing
              ? t.form.save
              : t.form.create
        }
        busy={mutation.isPending}
        submitTestId="notification-submit"
      />
    </form>
  );
}
