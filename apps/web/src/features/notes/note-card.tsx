"use client";

import { MAX_NOTE_CHARS } from "@agents-crm/config/notes";
import { useEffect, useRef, useState } from "react";
import { useSession } from "~/features/console/session-context";
import type { TranscriptMessage } from "~/features/console/types";
import { intlTag } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Badge } from "~/ui/badge";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { MentionBox } from "./mention-box";
import styles from "./notes.module.css";

const timeOf = (tag: string, iso: string) =>
  new Date(iso).toLocaleString(tag, { dateStyle: "short", timeStyle: "short" });

/**
 * A staff note in the transcript: a yellow card with its author and time; its author may edit or
 * delete it. A deleted note stays as one muted line (who deleted it and when), as in Chatwoot.
 */
export function NoteCard({
  message,
  onChanged,
}: {
  message: TranscriptMessage;
  onChanged: (message: TranscriptMessage) => void;
}) {
  const t = useT("notes").card;
  const tag = intlTag(useLocale().locale);
  const { user } = useSession();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // After Escape or Cancel, keyboard focus goes back to the Edit button it came from.
  const refocusEdit = useRef(false);
  const card = useRef<HTMLDivElement>(null);
  const ref = { conversationId: message.conversationId, messageId: message.messageId };
  const done = (result: { message: TranscriptMessage }) => {
    onChanged(result.message);
    setDraft(null);
    setConfirming(false);
  };
  const editing = draft !== null;
  // The box's focus scrolls only the box into view; Save and Cancel below it must show too (the
  // transcript scrolls inside its own box, so on a phone they were cut off at its bottom edge).
  useEffect(() => {
    if (editing) card.current?.scrollIntoView({ block: "nearest" });
  }, [editing]);
  const update = trpc.conversations.updateNote.useMutation({ onSuccess: done });
  const remove = trpc.conversations.deleteNote.useMutation({ onSuccess: done });
  const author = message.metadata.authorName ?? "";
  const { deletedAt, editedAt } = message.metadata;
  const mine = message.authorId === user.userId;
  const error = update.error ?? remove.error;

  if (deletedAt !== undefined) {
    return (
      <li className={styles.row} data-testid="note-deleted" data-message-id={message.messageId}>
        <p className={styles.tombstone}>
          {t.deleted(author)} · <time dateTime={deletedAt}>{timeOf(tag, deletedAt)}</time>
        </p>
      </li>
    );
  }

  const cancel = () => {
    refocusEdit.current = true;
    setDraft(null);
  };
  const save = () => {
    const content = draft?.trim() ?? "";
    if (content && content.length <= MAX_NOTE_CHARS) update.mutate({ ...ref, content });
  };
  return (
    <li className={styles.row} data-testid="message-note" data-message-id={message.messageId}>
      <div ref={card} className={styles.card} data-editing={editing || undefined}>
        <div className={styles.byline}>
          <Badge tone="warning">{t.badge}</Badge>
          <span className={styles.author} data-testid="note-author">
            {author}
          </span>
          <time dateTime={message.timestamp}>{timeOf(tag, message.timestamp)}</time>
          {editedAt !== undefined && <span className="muted">({t.edited})</span>}
        </div>
        {editing ? (
          <MentionBox
            aria-label={t.editLabel}
            rows={3}
            className={styles.editBox}
            text={draft}
            setText={setDraft}
            onKey={(e) => {
              if (e.key === "Escape") cancel();
              // As in the note composer: Enter (Ctrl/Cmd+Enter too) saves, Shift+Enter is a new line.
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                save();
              }
            }}
            autoFocus
            data-testid="note-edit-box"
          />
        ) : (
          <p className={styles.text}>{message.content}</p>
        )}
        {error && (
          <Notice tone="danger" look="text" role="alert">
            {t.failed(error.message)}
          </Notice>
        )}
        {mine && (
          <div className={styles.actions}>
            {editing ? (
              <>
                <Button
                  size="sm"
                  variant="primary"
                  onClick={save}
                  disabled={update.isPending}
                  data-testid="note-edit-save"
                >
                  {t.save}
                </Button>
                <Button size="sm" onClick={cancel} data-testid="note-edit-cancel">
                  {t.cancel}
                </Button>
              </>
            ) : confirming ? (
              <>
                <span>{t.confirmDelete}</span>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => remove.mutate(ref)}
                  disabled={remove.isPending}
                  data-testid="note-delete-confirm"
                >
                  {t.yesDelete}
                </Button>
                <Button size="sm" variant="quiet" onClick={() => setConfirming(false)}>
                  {t.cancel}
                </Button>
              </>
            ) : (
              <>
                <Button
                  size="sm"
                  variant="quiet"
                  onClick={() => setDraft(message.content)}
                  ref={(button) => {
                    if (button && refocusEdit.current) {
                      refocusEdit.current = false;
                      button.focus();
                    }
                  }}
                  data-testid="note-edit"
                >
                  {t.edit}
                </Button>
                <Button
                  size="sm"
                  variant="quiet"
                  onClick={() => setConfirming(true)}
                  data-testid="note-delete"
                >
                  {t.delete}
                </Button>
              </>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
