"use client";

import type { ConversationRow } from "~/features/console/types";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { snoozedAt } from "./can-resolve";

/** "Snoozed until …" on a row whose snooze still keeps it out of the queue at `now`. */
export function SnoozedNote({
  row,
  now,
}: {
  row: Pick<ConversationRow, "status" | "snoozedUntil">;
  now: number;
}) {
  const t = useT("resolve").snooze;
  const { locale } = useLocale();
  if (!snoozedAt(row, now) || !row.snoozedUntil) return null;
  return (
    <span className="muted" data-testid="row-snoozed">
      {t.until(formatDateTime(locale, row.snoozedUntil))}
    </span>
  );
}
