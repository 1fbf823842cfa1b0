"use client";

import { useState } from "react";
import { errorCode, isUnauthorized, type ApiErrorLike } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import type { Channel } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import styles from "./conversation.module.css";

/**
 * Re-reads the customer's profile from Instagram or Telegram now. WhatsApp has no profile API (the name
 * comes with each message), so it only says so; web chat visitors have no platform profile.
 */
export function RefreshProfileButton({
  conversationId,
  contactId,
  channel,
}: {
  conversationId: string;
  contactId: string | undefined;
  channel: Channel;
}) {
  const t = useT("conversations").profile;
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const [outcome, setOutcome] = useState<string | null>(null);
  const refresh = trpc.conversations.refreshProfile.useMutation({
    onSuccess: () => {
      setOutcome(t.refreshed);
      // The card shows the contact's name when it has one: both are read again.
      void utils.conversations.byId.invalidate({ conversationId });
      if (contactId) void utils.contacts.byId.invalidate({ contactId });
    },
    onError: (error) => {
      if (isUnauthorized(error)) return sessionLost();
      const seconds = (error as ApiErrorLike).data?.retryAfterSeconds ?? 60;
      setOutcome(
        errorCode(error) === "TOO_MANY_REQUESTS"
          ? t.refreshCooldown(seconds)
          : t.refreshFailed(error.message),
      );
    },
  });

  if (channel === "whatsapp") return <p className={styles.note}>{t.whatsappNoProfile}</p>;
  if (channel !== "instagram" && channel !== "telegram") return null;
  return (
    <div className={styles.refreshProfile}>
      <Button
        size="sm"
        onClick={() => {
          setOutcome(null);
          refresh.mutate({ conversationId });
        }}
        disabled={refresh.isPending}
        data-testid="refresh-profile"
      >
        {refresh.isPending ? t.refreshing : t.refresh}
      </Button>
      <p className={styles.note} role="status" aria-live="polite" data-testid="refresh-outcome">
        {outcome}
      </p>
    </div>
  );
}
