"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { useAdminEvents, useConsoleOpenedAt } from "~/features/console/admin-events";
import { customerLabel } from "~/features/console/labels";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { Toast, ToastRegion } from "~/ui/toast";
import { snoozeWokeForViewer } from "./snooze-woke-event";

interface WokeToast {
  id: string;
  conversationId: string;
  body: string;
  url: string;
}

const TOAST_MS = 15_000;
const MAX_TOASTS = 3;

/**
 * Tells staff live that a snoozed conversation they handle is back in their queue (the API's
 * `conversation.updated` with `snooze_ended`); the toast is a link to it. Replayed events raise nothing.
 */
export function SnoozeWokeAlerts() {
  const t = useT("resolve").woke;
  const rowWords = useT("conversations").row;
  const { user } = useSession();
  const openedAt = useConsoleOpenedAt();
  const [toasts, setToasts] = useState<WokeToast[]>([]);
  const dismiss = useCallback(
    (id: string) => setToasts((all) => all.filter((toast) => toast.id !== id)),
    [],
  );

  useAdminEvents((event, eventId) => {
    if (eventId < openedAt) return;
    const conversation = snoozeWokeForViewer(event, user.userId);
    if (!conversation) return;
    const { conversationId } = conversation;
    const toast: WokeToast = {
      id: eventId,
      conversationId,
      body: [customerLabel(conversation, rowWords), conversation.lastMessagePreview]
        .filter(Boolean)
        .join(" — "),
      url: `/admin/conversations/${encodeURIComponent(conversationId)}`,
    };
    setToasts((all) =>
      [toast, ...all.filter((other) => other.conversationId !== conversationId)].slice(
        0,
        MAX_TOASTS,
      ),
    );
    setTimeout(() => dismiss(toast.id), TOAST_MS);
  });

  if (toasts.length === 0) return null;
  return (
    <ToastRegion testId="snooze-woke-toasts">
      {toasts.map((toast) => (
        <Toast key={toast.id} dismissLabel={t.dismiss} onDismiss={() => dismiss(toast.id)}>
          <Link
            href={toast.url}
            onClick={() => dismiss(toast.id)}
            aria-label={`${t.open}: ${t.title} — ${toast.body}`}
            data-testid="snooze-woke-open"
          >
            <strong>{t.title}</strong>
            <span>{toast.body}</span>
          </Link>
        </Toast>
      ))}
    </ToastRegion>
  );
}
