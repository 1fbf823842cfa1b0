"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useAdminEvents, useConsoleOpenedAt } from "~/features/console/admin-events";
import { useAlertSettings } from "~/features/console/escalation-alerts";
import { customerLabel } from "~/features/console/labels";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { Toast, ToastRegion } from "~/ui/toast";
import { assignedToViewer } from "./assignment-event";
import { useAssignees } from "./use-assignees";

interface AssignmentToast {
  id: string;
  title: string;
  body: string;
  url: string;
}

const TOAST_MS = 10_000;
const MAX_TOASTS = 3;

/**
 * Tells the person a colleague just assigned a conversation to: a toast, and a system notification when
 * this browser allows them and alerts are not muted. Their own take-overs and replayed events raise
 * nothing.
 */
export function AssignmentAlerts() {
  const t = useT("assignment").alert;
  const rowWords = useT("conversations").row;
  const router = useRouter();
  const { user } = useSession();
  const { byId } = useAssignees();
  const { muted } = useAlertSettings();
  const openedAt = useConsoleOpenedAt();
  const [toasts, setToasts] = useState<AssignmentToast[]>([]);
  const dismiss = useCallback(
    (id: string) => setToasts((all) => all.filter((toast) => toast.id !== id)),
    [],
  );

  useAdminEvents((event, eventId) => {
    if (eventId < openedAt) return;
    const assigned = assignedToViewer(event, user.userId);
    if (!assigned) return;
    const { conversation, actorId } = assigned;
    const toast: AssignmentToast = {
      id: eventId,
      title: t.title((actorId && byId.get(actorId)?.name) || t.colleague),
      body: [customerLabel(conversation, rowWords), conversation.lastMessagePreview]
        .filter(Boolean)
        .join(" — "),
      url: `/admin/conversations/${encodeURIComponent(conversation.conversationId)}`,
    };
    setToasts((all) => [toast, ...all].slice(0, MAX_TOASTS));
    setTimeout(() => dismiss(toast.id), TOAST_MS);
    if (muted || typeof Notification === "undefined" || Notification.permission !== "granted")
      return;
    try {
      const shown = new Notification(toast.title, {
        body: toast.body,
        tag: `assigned-${conversation.conversationId}`,
      });
      shown.onclick = () => {
        window.focus();
        router.push(toast.url);
        shown.close();
      };
    } catch {
      // Mobile Chrome allows notifications only from a service worker; the toast remains.
    }
  });

  if (toasts.length === 0) return null;
  return (
    <ToastRegion testId="assignment-toasts">
      {toasts.map((toast) => (
        <Toast key={toast.id} dismissLabel={t.dismiss} onDismiss={() => dismiss(toast.id)}>
          <Link href={toast.url} onClick={() => dismiss(toast.id)} aria-label={t.open}>
            <strong>{toast.title}</strong>
            <span>{toast.body}</span>
          </Link>
        </Toast>
      ))}
    </ToastRegion>
  );
}
