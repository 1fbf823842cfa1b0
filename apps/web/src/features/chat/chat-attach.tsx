"use client";

import { formatByteLimit } from "@agents-crm/config/attachments";
import { useRef } from "react";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import {
  CHAT_FILE_ACCEPT,
  chatFileLimitBytes,
  MAX_CHAT_FILES,
  type ChatFileRefusal,
} from "./chat-files";
import styles from "./chat.module.css";

/** The message a refused file gets, in the visitor's language. */
export function useChatFileProblem(): (refusal: ChatFileRefusal<File>) => string {
  const t = useT("chat").composer;
  return ({ file, problem }) =>
    problem === "count"
      ? t.fileProblem.count(MAX_CHAT_FILES)
      : problem === "type"
        ? t.fileProblem.type(file.name)
        : t.fileProblem.size(file.name, formatByteLimit(chatFileLimitBytes(file.type)));
}

/** The paper-clip button: a real button, so Enter and Space open the picker. */
export function ChatAttachButton({
  files,
  onAdd,
  disabled,
}: {
  files: readonly File[];
  /** Every way in (picker, paste, drop) checks the files the one way. */
  onAdd: (picked: File[]) => void;
  disabled: boolean;
}) {
  const t = useT("chat").composer;
  const picker = useRef<HTMLInputElement>(null);

  return (
    <>
      <input
        ref={picker}
        type="file"
        accept={CHAT_FILE_ACCEPT}
        multiple
        hidden
        data-testid="composer-file-input"
        onChange={(event) => {
          onAdd(event.target.files ? [...event.target.files] : []);
          event.target.value = "";
        }}
      />
      <Button
        type="button"
        size="lg"
        pill
        className={styles.attach}
        aria-label={t.attach}
        title={t.attach}
        disabled={disabled || files.length >= MAX_CHAT_FILES}
        onClick={() => picker.current?.click()}
        data-testid="composer-attach"
      >
        {/* A drawn paper clip: an emoji is a blank box where no emoji font is installed. */}
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none">
          <path
            d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </Button>
    </>
  );
}

/** The files chosen for the next message, each with a Remove button, and why one was not added. */
export function ChatFileChips({
  files,
  onFilesChange,
  problem,
}: {
  files: readonly File[];
  onFilesChange: (files: File[]) => void;
  problem: string | null;
}) {
  const t = useT("chat").composer;
  if (files.length === 0 && !problem) return null;
  return (
    <div className={styles.attachments}>
      {files.length > 0 && (
        <ul className={styles.chips} aria-label={t.files} data-testid="composer-files">
          {files.map((file, index) => (
            <li key={`${file.name}:${index}`} className={styles.chip}>
              <span className={styles.chipName}>{file.name}</span>
              <Button
                type="button"
                variant="link"
                className={styles.linkButton}
                aria-label={t.remove(file.name)}
                onClick={() => onFilesChange(files.filter((_, i) => i !== index))}
              >
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className={styles.problem} role="alert" data-testid="composer-file-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
