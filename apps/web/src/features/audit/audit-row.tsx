"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { AuditSentence } from "./audit-sentence";
import { formatTimeIn } from "./format";
import type { AuditEntry } from "./types";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { AuditDetails } from "./audit-details";
import { Button } from "~/ui/button";
import styles from "./audit.module.css";

export function AuditRow({
  entry,
  sentence,
  actorEmail,
  timeZone,
}: {
  entry: AuditEntry;
  sentence: AuditSentence;
  actorEmail: string | null;
  timeZone: string;
}) {
  const t = useT("audit");
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const actor = entry.actorName ?? entry.actorId;
  return (
    <li
      className={styles.row}
      data-testid="audit-entry"
      data-action={entry.action}
      data-resource-id={entry.resourceId}
    >
      <time className={styles.time} dateTime={entry.timestamp} title={entry.timestamp}>
        {formatTimeIn(locale, entry.timestamp, timeZone)}
      </time>
      <span
        className={styles.actor}
        title={actorEmail ? t.actorTitle(actorEmail) : entry.actorId}
        data-testid="audit-actor"
      >
        {actor}
      </span>
      <div className={styles.what}>
        <p className={styles.sentence} data-testid="audit-sentence">
          {sentence.before}
          {sentence.target &&
            (sentence.target.href ? (
              <Link
                href={sentence.target.href}
                title={sentence.target.id}
                data-testid="audit-target"
              >
                {sentence.target.label}
              </Link>
            ) : (
              <span title={sentence.target.id}>{sentence.target.label}</span>
            ))}
          {sentence.after}
        </p>
        {sentence.note && <p className={styles.note}>{sentence.note}</p>}
        {open && <AuditDetails id={detailsId} entry={entry} />}
      </div>
      <Button
        variant="link"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={open ? detailsId : undefined}
        onClick={() => setOpen((v) => !v)}
        data-testid="audit-details-toggle"
      >
        {open ? t.details.hide : t.details.show}
      </Button>
    </li>
  );
}
