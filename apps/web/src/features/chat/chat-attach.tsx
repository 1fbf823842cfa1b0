"use client";

import { formatByteLimit } from "@agents-crm/config/attachments";
import { useRef } from "react";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { CHAT_FILE_ACCEPT, chatFileLimitBytes, checkChatFile, MAX_CHAT_FILES } from "./chat-files";
import styles from "./chat.module.css";

/** The paper-clip button: a real button, so Enter and Space open the picker. */
export function ChatAttachButton({
  files,
  onFilesChange,
  onProblem,
  disabled,
}: {
  files: readonly File[];
  onFilesChange: (files: File[]) => void;
  onProblem: (problem: string | null) => void;
  disabled: boolean;
}) {
  const t = useT("chat").composer;
  const picker = useRef<HTMLInputElement>(null);

  // A file the chat cannot send is named with the reason and not added.
  const add = (picked: FileList | null) => {
    const next = [...files];
    let refused: string | null = null;
    for (const file of picked ? [...picked] : []) {
      const check = checkChatFile(file, next.length);
      if (check === "count") refused = t.fileProblem.count(MAX_CHAT_FILES);
      else if (check === "type") refused = t.fileProblem.type(file.name);
      else if (check === "size")
        refused = t.fileProblem.size(file.name, formatByteLimit(chatFileLimitBytes(file.type)));
      else next.push(file);
    }
    onProblem(refused);
    onFilesChange(next);
  };

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
          add(event.target.files);
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
        <span aria-hidden="true">📎</span>
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
