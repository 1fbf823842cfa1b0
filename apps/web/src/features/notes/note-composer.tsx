"use client";

import { MAX_NOTE_CHARS } from "@agents-crm/config/notes";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import type { TranscriptMessage } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { MentionBox } from "./mention-box";
import styles from "./notes.module.css";

/** The note box: Enter adds the note, Shift+Enter starts a new line, `@` mentions a colleague. */
export function NoteComposer({
  conversationId,
  onAdded,
}: {
  conversationId: string;
  onAdded: (message: TranscriptMessage) => void;
}) {
  const t = useT("notes").composer;
  const { sessionLost } = useSession();
  const [text, setText] = useState("");
  const add = trpc.conversations.addNote.useMutation({
    onSuccess: (result) => {
      onAdded(result.message);
      setText("");
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });

  const content = text.trim();
  const blocked = !content || add.isPending || content.length > MAX_NOTE_CHARS;
  const send = () => {
    if (!blocked) add.mutate({ conversationId, content });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <form className={styles.composer} onSubmit={onSubmit} data-testid="note-composer">
      <p className={styles.hint}>{t.hint}</p>
      <label className="sr-only" htmlFor="admin-note">
        {t.label}
      </label>
      <MentionBox
        text={text}
        setText={setText}
        onKey={onKeyDown}
        size="lg"
        id="admin-note"
        rows={3}
        className={styles.box}
        placeholder={t.placeholder}
        aria-invalid={content.length > MAX_NOTE_CHARS}
        data-testid="admin-note"
      />
      <div className={styles.bar}>
        {add.error ? (
          <Notice tone="danger" look="text" role="alert">
            {t.notAdded(add.error.message)}
          </Notice>
        ) : (
          <span className="muted">
            {content.length > MAX_NOTE_CHARS * 0.9 ? `${content.length} / ${MAX_NOTE_CHARS}` : ""}
          </span>
        )}
        <Button type="submit" variant="attention" disabled={blocked} data-testid="note-add">
          {add.isPending ? t.adding : t.add}
        </Button>
      </div>
    </form>
  );
}
