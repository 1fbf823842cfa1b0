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
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          aria-hidden
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M21.4 11.1 12.2 20.3a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
        </svg>
      </Button>
    </>
  );
}
