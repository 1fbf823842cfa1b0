"use client";

import { formatByteLimit } from "@agents-crm/config/attachments";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import type { OutboundAttachments, PendingAttachment } from "./use-outbound-attachments";
import styles from "./outbound-attachments.module.css";

const extensionOf = (name: string) => /\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? "file";

/** The files about to be sent: a thumbnail or type, upload progress or the reason it cannot go, remove. */
export function AttachmentTray({ attachments }: { attachments: OutboundAttachments }) {
  const t = useT("outboundAttachments");
  if (attachments.items.length === 0 && !attachments.notice) return null;
  return (
    <>
      {attachments.notice && (
        <Notice tone="danger" look="text" role="alert">
          {attachments.notice}
        </Notice>
      )}
      {attachments.items.length > 0 && (
        <ul className={styles.tray} aria-label={t.list} data-testid="outbound-attachments">
          {attachments.items.map((item) => (
            <Item key={item.id} item={item} onRemove={() => attachments.remove(item.id)} />
          ))}
        </ul>
      )}
    </>
  );
}

function Item({ item, onRemove }: { item: PendingAttachment; onRemove: () => void }) {
  const t = useT("outboundAttachments");
  const failed = item.state === "failed";
  return (
    <li
      className={[styles.item, failed && styles.failed].filter(Boolean).join(" ")}
      data-testid="outbound-attachment"
      data-state={item.state}
    >
      {item.previewUrl ? (
        // An object URL of the picked file: nothing to optimise.
        <img className={styles.thumb} src={item.previewUrl} alt="" />
      ) : (
        <span className={styles.docIcon} aria-hidden>
          {extensionOf(item.name)}
        </span>
      )}
      <span className={styles.meta}>
        <span className={styles.name} title={item.name}>
          {item.name}
        </span>
        {failed ? (
          <span className={styles.error} role="alert" data-testid="outbound-attachment-error">
            {item.error}
          </span>
        ) : item.state === "uploading" ? (
          <>
            <progress
              className={styles.progress}
              max={100}
              value={item.progress}
              aria-label={t.uploading(item.progress)}
            />
            <span className={styles.state}>{t.uploading(item.progress)}</span>
          </>
        ) : (
          <span className={styles.state}>
            {formatByteLimit(item.size)} · {t.uploaded}
          </span>
        )}
      </span>
      <Button variant="icon" size="sm" aria-label={t.remove(item.name)} onClick={onRemove}>
        ×
      </Button>
    </li>
  );
}
