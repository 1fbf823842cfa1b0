"use client";

import { WEB_CHAT_ATTACHMENT_MIME_TYPES } from "@agents-crm/config/attachments";
import { useRef } from "react";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import type { OutboundAttachments } from "./use-outbound-attachments";
import styles from "./outbound-attachments.module.css";

/** Images and the documents staff usually send; anything else can still be dropped or pasted. */
const ACCEPT = [
  ...WEB_CHAT_ATTACHMENT_MIME_TYPES,
  ".pdf",
  ".doc",
  ".docx",
  ".xls",
  ".xlsx",
  ".txt",
  "video/mp4",
  "audio/*",
].join(",");

/** A real button (Tab, Enter, Space) that opens the file picker. */
export function AttachButton({
  attachments,
  disabled,
}: {
  attachments: OutboundAttachments;
  disabled?: boolean;
}) {
  const t = useT("outboundAttachments");
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        className={styles.fileInput}
        type="file"
        multiple
        accept={ACCEPT}
        tabIndex={-1}
        aria-hidden
        data-testid="attach-input"
        onChange={(event) => {
          attachments.add([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      <Button
        variant="secondary"
        disabled={disabled}
        title={t.attachHint}
        aria-label={t.attach}
        onClick={() => input.current?.click()}
        data-testid="attach-button"
      >
        📎
      </Button>
    </>
  );
}
