"use client";

import Link from "next/link";
import { useState } from "react";
import { errorCode } from "~/features/console/api-error";
import { KeyboardShortcuts } from "~/features/shortcuts/keyboard-shortcuts";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { CustomerAvatar } from "~/ui/customer-avatar";
import { formFieldsKey } from "./contact-draft";
import { ContactEditForm } from "./contact-edit-form";
import { ContactIdentities } from "./contact-identities";
import { ContactLabels } from "./contact-labels";
import { contactDisplayName } from "./contact-name";
import { ContactNotes } from "./contact-notes";
import { ContactPrivacy } from "./contact-privacy";
import { ContactTimeline } from "./contact-timeline";
import { identityPicture } from "./identity-profile";
import { MergeSuggestions } from "./merge-suggestions";
import { useErasedContacts } from "./use-erased-contacts";
import type { ContactView } from "./types";
import styles from "./contacts.module.css";

/** `/admin/contacts/[contactId]`: who the person is, every conversation with them, and what staff do. */
export function ContactDetail({ contactId }: { contactId: string }) {
  const t = useT("contacts");
  const { locale } = useLocale();
  const utils = trpc.useUtils();
  const query = trpc.contacts.byId.useQuery({ contactId }, { retry: false });
  useErasedContacts(contactId);
  const [formSavedAt, setFormSavedAt] = useState<string | null>(null);

  if (query.isError) {
    return (
      <div role="alert" className={styles.detail}>
        <p>
          {errorCode(query.error) === "NOT_FOUND"
            ? t.detail.notFound
            : t.detail.loadFailed(query.error.message)}
        </p>
        <Link href="/admin/contacts">{t.detail.backToList}</Link>
      </div>
    );
  }
  if (!query.data) {
    return (
      <p className="muted" role="status">
        {t.detail.loading}
      </p>
    );
  }

  const { contact, timeline } = query.data;
  const name = contactDisplayName(contact, t.fallback);
  const picture = contact.identities.map(identityPicture).find(Boolean) ?? null;
  const saved = (next: ContactView) =>
    utils.contacts.byId.setData({ contactId }, (data) =>
      data ? { ...data, contact: next } : data,
    );
  // What the edit form shows: a label or a note saved beside it must not reset what is being typed.
  const versionOf = formFieldsKey;
  const reload = () => {
    void query.refetch();
    void utils.contacts.list.invalidate();
  };

  return (
    <article className={styles.detail} data-testid="contact-detail" data-contact-id={contactId}>
      <KeyboardShortcuts />
      <Link href="/admin/contacts" className={styles.back}>
        {t.detail.back}
      </Link>
      <div className={styles.heading}>
        <CustomerAvatar url={picture} name={name} size="large" />
        <div>
          <h1 data-testid="contact-title">{name}</h1>
          <span className={styles.meta}>
            {t.detail.created}: {formatDateTime(locale, contact.createdAt)} · {t.detail.lastSeen}:{" "}
            {formatDateTime(locale, contact.lastSeenAt)}
            {contact.mergedFrom && contact.mergedFrom.length > 0
              ? ` · ${t.detail.mergedFrom(contact.mergedFrom.length)}`
              : ""}
          </span>
        </div>
      </div>
      <MergeSuggestions contact={contact} onChanged={reload} />
      <div className={styles.columns}>
        <div className={styles.column}>
          {/* Keyed by its fields: a save, merge or reload that changes them starts it from what is stored. */}
          <ContactEditForm
            key={versionOf(contact)}
            contact={contact}
            saved={formSavedAt === versionOf(contact)}
            onSaved={(next) => {
              setFormSavedAt(versionOf(next));
              saved(next);
            }}
          />
          <ContactTimeline
            key={timeline.items.map((entry) => entry.conversationId).join(" ")}
            contactId={contactId}
            firstPage={timeline}
          />
        </div>
        <div className={styles.column}>
          <ContactLabels contact={contact} onSaved={saved} />
          <ContactNotes contact={contact} onSaved={saved} />
          <ContactIdentities identities={contact.identities} />
          <ContactPrivacy contactId={contact.contactId} name={name} />
        </div>
      </div>
    </article>
  );
}
