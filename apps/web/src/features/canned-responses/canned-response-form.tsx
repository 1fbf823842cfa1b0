"use client";

import {
  CANNED_LANGUAGES,
  MAX_CANNED_CONTENT_CHARS,
  cannedLanguageSchema,
  shortcutSchema,
  type CannedLanguage,
} from "@agents-crm/config/canned-responses";
import { useState, type FormEvent } from "react";
import {
  errorMessage,
  isConflict,
  isUnauthorized,
  issuesByPath,
} from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useAgents } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Field } from "~/ui/field";
import { FormFooter } from "~/ui/form-footer";
import { Select, TextArea, TextInput } from "~/ui/inputs";
import admin from "~/ui/admin-page.module.css";
import styles from "~/features/users/users.module.css";
import type { CannedResponseRow } from "./types";

/** Adds a response or edits one (owners and admins). */
export function CannedResponseForm({
  editing,
  onDone,
  onCancel,
}: {
  editing: CannedResponseRow | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT("cannedResponses");
  const { sessionLost } = useSession();
  const { agents } = useAgents();
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? "");
  const [content, setContent] = useState(editing?.content ?? "");
  const [agentId, setAgentId] = useState(editing?.agentId ?? "");
  const [language, setLanguage] = useState<CannedLanguage | "">(editing?.language ?? "");
  const [submitted, setSubmitted] = useState(false);
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) sessionLost();
  };
  const create = trpc.cannedResponses.create.useMutation({ onSuccess: onDone, onError });
  const update = trpc.cannedResponses.update.useMutation({ onSuccess: onDone, onError });
  const mutation = editing ? update : create;

  const shortcutOk = shortcutSchema.safeParse(shortcut).success;
  const local = {
    shortcut: !shortcut.trim() ? t.form.required : shortcutOk ? null : t.form.badShortcut,
    content: !content.trim()
      ? t.form.required
      : content.trim().length > MAX_CANNED_CONTENT_CHARS
        ? t.form.tooLong
        : null,
  };
  const server = issuesByPath(mutation.error);
  const general = !mutation.error
    ? null
    : isConflict(mutation.error)
      ? editing && !/shortcut/i.test(mutation.error.message)
        ? t.form.changedElsewhere
        : t.form.taken
      : Object.keys(server).length === 0
        ? errorMessage(mutation.error, t.form.failed)
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (local.shortcut || local.content) return;
    const values = {
      shortcut: shortcut.trim().toLowerCase(),
      content: content.trim(),
    };
    if (editing) {
      update.mutate({
        responseId: editing.responseId,
        expectedVersion: editing.version,
        ...values,
        agentId: agentId || null,
        language: language || null,
      });
    } else {
      create.mutate({
        ...values,
        agentId: agentId || undefined,
        language: language || undefined,
      });
    }
  };

  return (
    <form className={admin.panel} onSubmit={submit} noValidate data-testid="canned-form">
      <h2>{editing ? t.form.editTitle(editing.shortcut) : t.form.createTitle}</h2>
      <div className={styles.grid}>
        <Field
          label={t.form.shortcut}
          hint={t.form.shortcutHint}
          error={(submitted ? local.shortcut : null) ?? server.shortcut ?? null}
          errorTestId="canned-shortcut-problem"
        >
          <TextInput
            value={shortcut}
            autoComplete="off"
            spellCheck={false}
            placeholder="hours"
            onChange={(e) => setShortcut(e.target.value)}
            data-testid="canned-shortcut"
          />
        </Field>
        <Field label={t.form.agent} error={server.agentId ?? null}>
          <Select
            value={agentId}
            onChange={(e) => setAgentId(e.target.value)}
            data-testid="canned-agent"
          >
            <option value="">{t.item.allAgents}</option>
            {agents.map((agent) => (
              <option key={agent.agentId} value={agent.agentId}>
                {agent.card.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.form.language} error={server.language ?? null}>
          <Select
            value={language}
            onChange={(e) => {
              const parsed = cannedLanguageSchema.safeParse(e.target.value);
              setLanguage(parsed.success ? parsed.data : "");
            }}
            data-testid="canned-language"
          >
            <option value="">{t.item.allLanguages}</option>
            {CANNED_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t.languages[code]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label={t.form.content}
        hint={t.form.contentHint}
        error={(submitted ? local.content : null) ?? server.content ?? null}
        errorTestId="canned-content-problem"
      >
        <TextArea
          rows={4}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          data-testid="canned-content"
        />
      </Field>
      <FormFooter
        error={general}
        errorTestId="canned-form-error"
        cancelLabel={t.form.cancel}
        onCancel={onCancel}
        submitLabel={editing ? t.form.save : t.form.create}
        busy={mutation.isPending}
        submitTestId="canned-save"
        className={styles.buttons}
      />
    </form>
  );
}
