"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { MAX_MESSAGE_CHARS } from "@agents-crm/config/conversations";
import { ChatAttachButton, ChatFileChips, useChatFileProblem } from "./chat-attach";
import { addChatFiles } from "./chat-files";
import { checkDraft, composerKeyAction, showCounter } from "./composer-keys";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { TextArea } from "~/ui/inputs";
import styles from "./chat.module.css";

const MAX_HEIGHT_PX = 180;

/**
 * Enter sends, Shift+Enter adds a line; the field grows with its text. While a message is on its way
 * the visitor can keep typing, but not send: the draft is never lost.
 */
export function Composer({
  draft,
  onDraftChange,
  files,
  onFilesChange,
  onSend,
  sending,
  disabled,
}: {
  draft: string;
  onDraftChange: (draft: string) => void;
  /** Photos and PDFs going with the next message (sent with the text as its caption, or alone). */
  files: readonly File[];
  onFilesChange: (files: File[]) => void;
  onSend: (content: string, files: readonly File[]) => void;
  sending: boolean;
  disabled: boolean;
}) {
  const t = useT("chat").composer;
  const { locale } = useLocale();
  const number = (n: number) => formatNumber(locale, n);
  const field = useRef<HTMLTextAreaElement>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const problemOf = useChatFileProblem();
  // A file the chat cannot send is named with the reason and not added; the others are.
  const addFiles = (added: File[]) => {
    if (added.length === 0) return;
    const { files: next, refused } = addChatFiles(files, added);
    const last = refused.at(-1);
    setFileProblem(last ? problemOf(last) : null);
    onFilesChange(next);
  };
  const check = checkDraft(draft);
  // Files alone may go: the text is then an empty caption.
  const sendable = check.ok || (files.length > 0 && check.reason === "empty");
  const canSend = sendable && !sending && !disabled;

  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [draft]);

  const submit = () => {
    if (!canSend) return;
    onSend(check.ok ? check.content : "", files);
    onDraftChange("");
    onFilesChange([]);
    setFileProblem(null);
  };

  return (
    <form
      className={styles.composer}
      data-dragging={dragging}
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      // Dropping photos or PDFs anywhere on the composer attaches them (the picker and paste do too).
      onDragOver={(event) => {
        if (disabled || !event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setDragging(false);
      }}
      onDrop={(event) => {
        setDragging(false);
        if (disabled || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        addFiles([...event.dataTransfer.files]);
      }}
    >
      {dragging && (
        <p className={styles.dropHint} aria-hidden="true">
          {t.dropHere}
        </p>
      )}
      <ChatFileChips files={files} onFilesChange={onFilesChange} problem={fileProblem} />
      <div className={styles.composerRow}>
        <ChatAttachButton files={files} onAdd={addFiles} disabled={disabled} />
        <label htmlFor="chat-composer" className="sr-only">
          {t.label}
        </label>
        <TextArea
          id="chat-composer"
          ref={field}
          className={styles.input}
          data-testid="composer-input"
          rows={1}
          value={draft}
          placeholder={t.placeholder}
          disabled={disabled}
          aria-describedby="chat-composer-hint"
          aria-invalid={!check.ok && check.reason === "too_long"}
          enterKeyHint="send"
          onChange={(event) => onDraftChange(event.target.value)}
          // A pasted screenshot or copied PDF is attached; pasted text stays text.
          onPaste={(event) => {
            const pasted = [...event.clipboardData.files];
            if (pasted.length === 0) return;
            event.preventDefault();
            addFiles(pasted);
          }}
          onKeyDown={(event) => {
            const action = composerKeyAction({
              key: event.key,
              shiftKey: event.shiftKey,
              altKey: event.altKey,
              isComposing: event.nativeEvent.isComposing,
            });
            if (action === "send") {
              event.preventDefault();
              submit();
            }
          }}
        />
        <Button
          type="submit"
          variant="primary"
          size="lg"
          pill
          className={styles.send}
          data-testid="composer-send"
          disabled={!canSend}
        >
          {sending ? t.sending : t.send}
        </Button>
      </div>
      <div className={styles.hint} id="chat-composer-hint">
        <span>{t.hint}</span>
        {showCounter(draft) && (
          <span
            data-testid="composer-counter"
            className={check.ok || check.reason !== "too_long" ? undefined : styles.over}
            aria-live="polite"
          >
            {!check.ok && check.reason === "too_long"
              ? t.tooLong(check.over, number(check.over))
              : `${number(draft.length)} / ${number(MAX_MESSAGE_CHARS)}`}
          </span>
        )}
      </div>
    </form>
  );
}
