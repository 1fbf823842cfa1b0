"use client";

import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { Badge } from "~/ui/badge";
import styles from "./triage.module.css";

/** A view's unread conversations, next to its total (nothing when none). */
export function UnreadCount({ count }: { count: number }) {
  const t = useT("triage");
  const { locale } = useLocale();
  if (count <= 0) return null;
  const text = formatNumber(locale, count);
  return (
    <Badge
      tone="accent"
      solid
      className={styles.counterBadge}
      title={t.unreadCount(text)}
      aria-label={t.unreadCount(text)}
      data-testid="unread-count"
    >
      {text}
    </Badge>
  );
}
