"use client";

import { MAX_CONTACT_NOTE_CHARS } from "@agents-crm/config/contacts";
import { useState, type FormEvent } from "react";
import { errorMessage } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { TextArea } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import admin from "~/ui/admin-page.module.css";
import type { ContactView } from "./types";
import styles from "./contacts.module.css";

/** Staff notes about the person (not about one conversation): newest first. */
export function ContactNotes({
  contact,
  onSaved,
}: {
  contact: ContactView;
  onSaved: (contact: ContactView) => void;
}) {
  const t = useT("contacts").notes;
  const { locale } = useLocale();
  const { user } = useSession();
  const [text, setText] = useState("");
  const add = trpc.contacts.addNote.useMutation({
    onSuccess: (contact) => {
      setText("");
      onSaved(contact);
    },
  });
  const remove = trpc.contacts.deleteNote.useMutation({
    onSuccess: onSaved,
  });
  const content = text.trim();
  const send = () => {
    if (content && content.length <= MAX_CONTACT_NOTE_CHARS && !add.isPending) {
      add.mutate({ contactId: contact.contactId, text: content });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const notes = [...contact.notes].reverse();
  const error = add.error ?? remove.error;
  return (
    <section className={admin.panel} aria-labelledby="contact-notes-title">
      <h2 id="contact-notes-title">{t.title}</h2>
      <p className="muted">{t.hint}</p>
      <form className={styles.form} onSubmit={submit}>
        <TextArea
          rows={3}
          value={text}
          aria-label={t.title}
          placeholder={t.placeholder}
          maxLength={MAX_CONTACT_NOTE_CHARS}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing) return;
            e.preventDefault();
            send();
          }}
          data-testid="contact-note-box"
        />
        <div className={styles.toolbar}>
          <Button type="submit" disabled={!content || add.isPending} data-testid="contact-note-add">
            {add.isPending ? t.adding : t.add}
          </Button>
        </div>
      </form>
      {error && (
        <Notice tone="danger" look="text" role="alert">
          {errorMessage(error, t.failed)}
        </Notice>
      )}
      {notes.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className={styles.list} data-testid="contact-notes">
          {notes.map((note) => (
            <li key={note.noteId} className={styles.item} data-testid="contact-note">
              <div className={styles.itemTop}>
                <span className={styles.meta}>
                  {t.by(note.authorName ?? t.someone, formatDateTime(locale, note.createdAt))}
                </span>
                {(note.authorId === user.userId || user.role !== "operator") && (
                  <Button
                    variant="link"
                    size="sm"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate({ contactId: contact.contactId, noteId: note.noteId })
                    }
                    data-testid="contact-note-delete"
                  >
                    {t.delete}
                  </Button>
                )}
              </div>
              <p className={styles.noteText}>{note.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
