"use client";

import { isSnoozable } from "@agents-crm/config/conversations";
import { isUnauthorized } from "~/features/console/api-error";
import type { ConversationRow } from "~/features/console/types";
import { useSession } from "~/features/console/session-context";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Select } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { SNOOZE_CHOICES, snoozeEnd, type SnoozeChoice } from "./snooze-times";
import styles from "./resolve.module.css";

/**
 * Snooze a conversation a human owns (waiting for one, or handled by one) until a chosen time, or wake
 * it now (the API refuses other statuses); the live row shows the snooze everywhere.
 */
export function SnoozeControl({
  conversation,
  onChanged,
}: {
  conversation: Pick<ConversationRow, "conversationId" | "status" | "snoozedUntil">;
  onChanged?: (row: ConversationRow) => void;
}) {
  const t = useT("resolve").snooze;
  const { locale } = useLocale();
  const { sessionLost } = useSession();
  const snooze = trpc.conversations.snooze.useMutation({
    onSuccess: (row) => onChanged?.(row),
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  if (!isSnoozable(conversation.status)) return null;
  const { conversationId } = conversation;
  // The API ends a snooze whose time passed within a minute, and the live row follows.
  const snoozed = conversation.snoozedUntil !== undefined;
  return (
    <div className={styles.snooze} data-testid="snooze">
      {snoozed && conversation.snoozedUntil ? (
        <>
          <span data-testid="snoozed-until">
            {t.until(formatDateTime(locale, conversation.snoozedUntil))}
          </span>
          <Button
            size="sm"
            disabled={snooze.isPending}
            onClick={() => snooze.mutate({ conversationId, until: null })}
            data-testid="snooze-wake"
          >
            {t.wake}
          </Button>
        </>
      ) : (
        <label>
          <span className="sr-only">{t.label}</span>
          <Select
            size="sm"
            value=""
            disabled={snooze.isPending}
            title={t.note}
            onChange={(e) => {
              const choice = SNOOZE_CHOICES.find((c) => c === e.target.value);
              if (choice) snooze.mutate({ conversationId, until: snoozeEnd(choice, new Date()) });
            }}
            data-testid="snooze-select"
          >
            <option value="">{t.choose}</option>
            {SNOOZE_CHOICES.map((choice: SnoozeChoice) => (
              <option key={choice} value={choice}>
                {t[choice]}
              </option>
            ))}
          </Select>
        </label>
      )}
      {snooze.error && (
        <Notice tone="danger" look="text" role="alert">
          {snooze.error.message}
        </Notice>
      )}
    </div>
  );
}
