"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useAdminEvents, useConsoleOpenedAt } from "~/features/console/admin-events";
import { playAlertSound } from "~/features/console/alert-sound";
import { useAlertSettings } from "~/features/console/escalation-alerts";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { Toast, ToastRegion } from "~/ui/toast";
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
  const [toasts, setToasts] = useState<(MentionAlert & { id: string })[]>([]);
  const dismiss = useCallback(
    (id: string) => setToasts((all) => all.filter((toast) => toast.id !== id)),
    [],
  );

  useAdminEvents((event, eventId) => {
    if (eventId < openedAt) return;
    const alert = mentionedInNote(event, user.userId);
    if (!alert) return;
    setToasts((all) => [{ ...alert, id: eventId }, ...all].slice(0, MAX_TOASTS));
    setTimeout(() => dismiss(eventId), TOAST_MS);
    if (muted) return;
    playAlertSound();
    if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
    try {
      const shown = new Notification(t.title(alert.author), { body: alert.text, tag: eventId });
      shown.onclick = () => {
        window.focus();
        router.push(alert.url);
        shown.close();
      };
    } catch {
      // Mobile Chrome allows notifications only from a service worker; the toast remains.
    }
  });

  if (toasts.length === 0) return null;
  return (
    <ToastRegion testId="mention-toasts">
      {toasts.map((toast) => (
        <Toast key={toast.id} dismissLabel={t.dismiss} onDismiss={() => dismiss(toast.id)}>
          <Link href={toast.url} onClick={() => dismiss(toast.id)}>
            <strong>{t.title(toast.author)}</strong>
            <span>{toast.text}</span>
          </Link>
        </Toast>
      ))}
    </ToastRegion>
  );
}
