"use client";

import type { AttachmentView } from "@agents-crm/config/attachments";
import { useState } from "react";
import { intlTag } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { Dialog } from "~/ui/dialog";
import { formatDuration } from "./duration";
import { formatFileSize } from "./file-size";
import styles from "./attachments.module.css";

type Messages = ReturnType<typeof useT<"attachments">>;

/** The files of one message: photos, players, downloads, or why a file is not there (yet). */
export function AttachmentList({ attachments }: { attachments: readonly AttachmentView[] }) {
  const t = useT("attachments");
  if (attachments.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t.list} data-testid="attachments">
      {attachments.map((attachment) => (
        <li
          key={attachment.fileId}
          className={styles.item}
          data-kind={attachment.kind}
          data-status={attachment.status}
          data-testid="attachment"
        >
          <Attachment attachment={attachment} t={t} />
          {attachment.transcript && (
            <p className={styles.transcript} data-testid="attachment-transcript">
              <span className={styles.transcriptLabel}>{t.transcript}: </span>
              {attachment.transcript}
            </p>
          )}
          {attachment.caption && <p className={styles.caption}>{attachment.caption}</p>}
        </li>
      ))}
    </ul>
  );
}

const kindLabel = (t: Messages, kind: AttachmentView["kind"]) =>
  ({
    image: t.photo,
    sticker: t.sticker,
    voice: t.voice,
    audio: t.audio,
    video: t.video,
    document: t.document,
  })[kind];

function Attachment({ attachment, t }: { attachment: AttachmentView; t: Messages }) {
  const tag = intlTag(useLocale().locale);
  if (attachment.status === "pending") {
    return (
      <p className={styles.state} role="status" data-testid="attachment-pending">
        {kindLabel(t, attachment.kind)}: {t.pending}
      </p>
    );
  }
  if (attachment.status === "unsupported") {
    return (
      <div className={styles.state} data-testid="attachment-unsupported">
        <p className={styles.stateTitle}>
          {kindLabel(t, attachment.kind)}: {t.unsupported}
        </p>
        {attachment.reason && <p className={styles.reason}>{t.reason(attachment.reason)}</p>}
      </div>
    );
  }
  switch (attachment.kind) {
    case "image":
    case "sticker":
      return <ImageThumbnail attachment={attachment} t={t} />;
    case "audio":
    case "voice":
      return (
        <div className={styles.player}>
          <audio
            className={styles.audio}
            controls
            preload="metadata"
            src={attachment.url}
            aria-label={withLength(t, kindLabel(t, attachment.kind), attachment.durationSec)}
            data-testid="attachment-audio"
          />
          <Length seconds={attachment.durationSec} />
        </div>
      );
    case "video":
      return (
        <div className={styles.player}>
          <video
            className={styles.video}
            controls
            preload="metadata"
            src={attachment.url}
            aria-label={withLength(t, t.video, attachment.durationSec)}
            data-testid="attachment-video"
          />
          <Length seconds={attachment.durationSec} />
        </div>
      );
    case "document": {
      const name = attachment.name ?? t.document;
      const size = formatFileSize(attachment.size, t.size, tag);
      return (
        <a
          className={styles.document}
          href={attachment.url}
          download={name}
          aria-label={t.downloadLabel(name, size)}
          data-testid="attachment-document"
        >
          <span className={styles.documentName}>{name}</span>
          <span className={styles.documentSize}>{size}</span>
        </a>
      );
    }
  }
}

const withLength = (t: Messages, label: string, seconds: number | undefined) =>
  seconds === undefined ? label : t.lengthLabel(label, formatDuration(seconds));

/** The length read from the file itself: shown before the player has loaded anything. */
function Length({ seconds }: { seconds: number | undefined }) {
  if (seconds === undefined) return null;
  return (
    <span className={styles.length} data-testid="attachment-length" aria-hidden="true">
      {formatDuration(seconds)}
    </span>
  );
}

/** A thumbnail that opens the photo full size (Enter or a click opens it, Escape or Close shuts it). */
function ImageThumbnail({ attachment, t }: { attachment: AttachmentView; t: Messages }) {
  const [open, setOpen] = useState(false);
  const alt = attachment.caption
    ? `${t.photo}: ${attachment.caption}`
    : attachment.name
      ? t.photoNamed(attachment.name)
      : t.photo;
  return (
    <>
      <button
        type="button"
        className={styles.thumbnail}
        onClick={() => setOpen(true)}
        aria-label={t.openLabel(alt)}
        aria-haspopup="dialog"
        data-testid="attachment-thumbnail"
      >
        <img src={attachment.url} alt={alt} width={attachment.width} height={attachment.height} />
      </button>
      <Dialog
        open={open}
        title={t.viewer}
        onClose={() => setOpen(false)}
        testId="attachment-viewer"
        className={styles.viewer}
      >
        <img className={styles.full} src={attachment.url} alt={alt} />
        <div className={styles.viewerActions}>
          <a className={styles.download} href={attachment.url} download={attachment.name ?? true}>
            {t.download}
          </a>
          <Button onClick={() => setOpen(false)} data-testid="attachment-viewer-close">
            {t.close}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
