"use client";

import { MAX_LABELS_PER_ITEM } from "@agents-crm/config/contacts";
import { errorMessage } from "~/features/console/api-error";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import admin from "~/ui/admin-page.module.css";
import { LabelEditor } from "./label-editor";
import type { ContactView } from "./types";

/** The contact's labels, saved as soon as one is added or removed. */
export function ContactLabels({
  contact,
  onSaved,
}: {
  contact: ContactView;
  onSaved: (contact: ContactView) => void;
}) {
  const t = useT("contacts").labels;
  const update = trpc.contacts.update.useMutation({
    onSuccess: onSaved,
  });
  return (
    <section className={admin.panel} aria-labelledby="contact-labels-title">
      <h2 id="contact-labels-title">{t.label}</h2>
      <LabelEditor
        labels={(update.isPending && update.variables?.patch.labels) || contact.labels}
        max={MAX_LABELS_PER_ITEM}
        busy={update.isPending}
        error={update.error ? errorMessage(update.error, t.saveFailed) : null}
        onChange={(labels) => update.mutate({ contactId: contact.contactId, patch: { labels } })}
        testId="contact-labels"
      />
    </section>
  );
}
