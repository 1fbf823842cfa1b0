"use client";

import { useRouter } from "next/navigation";
import { useAdminEvents, useConsoleOpenedAt } from "~/features/console/admin-events";
import { playAlertSound } from "~/features/console/alert-sound";
import { useAlertSettings } from "~/features/console/escalation-alerts";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { LinkToast, ToastRegion, useToasts } from "~/ui/toast";
import { showSystemNotification } from "~/features/console/system-notification";
import { mentionedInNote, type MentionAlert } from "./mentioned-in-note";

const TOAST_MS = 15_000;
const MAX_TOASTS = 3;

/**
 * A colleague mentioned you in a note: a toast, and (unless alerts are muted in this browser) a sound and
 * a system notification, like escalations. Notes from before the console opened raise nothing.
 */
export function MentionAlerts() {
  const t = useT("notes").alert;
  const router = useRouter();
  const { user } = useSession();
  const { muted } = useAlertSettings();
  const openedAt = useConsoleOpenedAt();
  const { toasts, setToasts, dismiss } = useToasts<MentionAlert & { id: string }>();

  useAdminEvents((event, eventId) => {
    if (eventId < openedAt) return;
    const alert = mentionedInNote(event, user.userId);
    if (!alert) return;
    setToasts((all) => [{ ...alert, id: eventId }, ...all].slice(0, MAX_TOASTS));
    setTimeout(() => dismiss(eventId), TOAST_MS);
    if (muted) return;
    playAlertSound();
    showSystemNotification(
      { title: t.title(alert.author), body: alert.text, tag: eventId, url: alert.url },
      (url) => router.push(url),
    );
  });

  if (toasts.length === 0) return null;
  return (
    <ToastRegion testId="mention-toasts">
      {toasts.map((toast) => (
        <LinkToast
          key={toast.id}
          href={toast.url}
          dismissLabel={t.dismiss}
          onDismiss={() => dismiss(toast.id)}
        >
          <strong>{t.title(toast.author)}</strong>
          <span>{toast.text}</span>
        </LinkToast>
      ))}
    </ToastRegion>
  );
}
