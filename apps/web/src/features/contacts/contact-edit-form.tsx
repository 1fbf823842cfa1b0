"use client";

import { MAX_CONTACT_ATTRIBUTES } from "@agents-crm/config/contacts";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage, isConflict } from "~/features/console/api-error";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Field, FieldGroup } from "~/ui/field";
import { TextArea, TextInput } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import admin from "~/ui/admin-page.module.css";
import {
  draftOf,
  formFieldsKey,
  patchFromDraft,
  type ContactDraft,
  type ContactPatch,
  type DraftProblem,
} from "./contact-draft";
import type { ContactView } from "./types";
import styles from "./contacts.module.css";

/** Name, phones, e-mails and custom attributes; saved together with the version it was read at. */
export function ContactEditForm({
  contact,
  saved: savedHere,
  onSaved,
}: {
  contact: ContactView;
  /** This form's own save produced the contact shown (it remounts with what was stored). */
  saved: boolean;
  onSaved: (contact: ContactView) => void;
}) {
  const t = useT("contacts").edit;
  const utils = trpc.useUtils();
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(contact));
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [saved, setSaved] = useState(savedHere);
  const update = useMutation({
    mutationFn: async (patch: ContactPatch) => {
      const save = (expectedVersion: number | undefined) =>
        utils.client.contacts.update.mutate({
          contactId: contact.contactId,
          expectedVersion,
          patch,
        });
      try {
        return await save(contact.version);
      } catch (error) {
        if (!isConflict(error)) throw error;
        // A label or note saved beside the form (maybe still in flight when Save was pressed) moved
        // the version on. Only a change to this form's own fields is a conflict worth stopping for.
        const { contact: stored } = await utils.client.contacts.byId.query({
          contactId: contact.contactId,
        });
        if (formFieldsKey(stored) !== formFieldsKey(contact)) throw error;
        return save(stored.version);
      }
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (isConflict(error)) void utils.contacts.byId.invalidate({ contactId: contact.contactId });
    },
  });
  const edit = (patch: Partial<ContactDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const setAttribute = (index: number, patch: Partial<{ key: string; value: string }>) =>
    edit({
      attributes: draft.attributes.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = patchFromDraft(draft);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    update.mutate(result.patch);
  };

  const problemText = (field: DraftProblem["field"]) => {
    if (problem?.field !== field) return null;
    switch (problem.kind) {
      case "badPhone":
        return t.badPhone(problem.value);
      case "badEmail":
        return t.badEmail(problem.value);
      case "emptyKey":
        return t.emptyKey;
      case "duplicateKey":
        return t.duplicateKey(problem.key);
    }
  };

  return (
    <form
      className={`${admin.panel} ${styles.form}`}
      onSubmit={submit}
      aria-labelledby="contact-edit-title"
      data-testid="contact-edit"
    >
      <h2 id="contact-edit-title">{t.title}</h2>
      <Field label={t.name}>
        <TextInput
          value={draft.name}
          onChange={(e) => edit({ name: e.target.value })}
          autoComplete="off"
          data-testid="contact-edit-name"
        />
      </Field>
      <Field label={t.phones} hint={t.phonesHint} error={problemText("phones")}>
        <TextArea
          rows={2}
          value={draft.phones}
          onChange={(e) => edit({ phones: e.target.value })}
          data-testid="contact-edit-phones"
        />
      </Field>
      <Field label={t.emails} hint={t.emailsHint} error={problemText("emails")}>
        <TextArea
          rows={2}
          value={draft.emails}
          onChange={(e) => edit({ emails: e.target.value })}
          data-testid="contact-edit-emails"
        />
      </Field>
      <FieldGroup legend={t.attributes} error={problemText("attributes")}>
        <ul className={styles.list}>
          {draft.attributes.map((row, index) => (
            // Rows have no identity but their place; keys can be edited, so the index is the key.
            <li key={index} className={styles.attribute} data-testid="contact-attribute">
              <TextInput
                size="sm"
                value={row.key}
                aria-label={t.attributeKey}
                placeholder={t.attributeKey}
                onChange={(e) => setAttribute(index, { key: e.target.value })}
                data-testid="attribute-key"
              />
              <TextInput
                size="sm"
                value={row.value}
                aria-label={t.attributeValue}
                placeholder={t.attributeValue}
                onChange={(e) => setAttribute(index, { value: e.target.value })}
                data-testid="attribute-value"
              />
              <Button
                variant="icon"
                size="sm"
                aria-label={t.removeAttribute(row.key)}
                onClick={() => edit({ attributes: draft.attributes.filter((_, i) => i !== index) })}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
        {draft.attributes.length < MAX_CONTACT_ATTRIBUTES && (
          <Button
            size="sm"
            onClick={() => edit({ attributes: [...draft.attributes, { key: "", value: "" }] })}
            data-testid="attribute-add"
          >
            {t.addAttribute}
          </Button>
        )}
      </FieldGroup>
      {update.error && (
        <Notice tone="danger" look="text" role="alert">
          {isConflict(update.error) ? t.changedElsewhere : errorMessage(update.error, t.failed)}
        </Notice>
      )}
      {saved && !update.isPending && (
        <Notice tone="success" look="text" role="status" data-testid="contact-saved">
          {t.saved}
        </Notice>
      )}
      <div className={styles.toolbar}>
        <Button
          type="submit"
          variant="primary"
          disabled={update.isPending}
          data-testid="contact-save"
        >
          {update.isPending ? t.saving : t.save}
        </Button>
      </div>
    </form>
  );
}
