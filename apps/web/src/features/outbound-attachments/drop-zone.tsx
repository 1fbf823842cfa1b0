"use client";

import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n-provider";
import type { OutboundAttachments } from "./use-outbound-attachments";
import styles from "./outbound-attachments.module.css";

/** Files dropped anywhere on the reply box are attached; a hint shows while they are dragged over. */
export function DropZone({
  attachments,
  children,
}: {
  attachments: OutboundAttachments;
  children: ReactNode;
}) {
  const t = useT("outboundAttachments");
  return (
    <div
      className={[styles.dropZone, attachments.dragging && styles.dragging]
        .filter(Boolean)
        .join(" ")}
      data-testid="composer-drop-zone"
      {...attachments.dropProps}
    >
      {attachments.dragging && (
        <div className={styles.dropHint} aria-hidden>
          {t.dropHere}
        </div>
      )}
      {children}
    </div>
  );
}
