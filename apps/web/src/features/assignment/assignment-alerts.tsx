"use client";

import { useRouter } from "next/navigation";
import { useAdminEvents, useConsoleOpenedAt } from "~/features/console/admin-events";
import { useAlertSettings } from "~/features/console/escalation-alerts";
import { customerLabel } from "~/features/console/labels";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { TitledLinkToasts, useToasts, type TitledToast } from "~/ui/toast";
import { showSystemNotification } from "~/features/console/system-notification";
import { assignedToViewer } from "./assignment-event";
import { useAssignees } from "./use-assignees";

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
  const { toasts, setToasts, dismiss } = useToasts<TitledToast>();

  useAdminEvents((event, eventId) => {
    if (eventId < openedAt) return;
    const assigned = assignedToViewer(event, user.userId);
    if (!assigned) return;
    const { conversation, actorId } = assigned;
    const toast: TitledToast = {
      id: eventId,
      title: t.title((actorId && byId.get(actorId)?.name) || t.colleague),
      body: [customerLabel(conversation, rowWords), conversation.lastMessagePreview]
        .filter(Boolean)
        .join(" — "),
      url: `/admin/conversations/${encodeURIComponent(conversation.conversationId)}`,
    };
    setToasts((all) => [toast, ...all].slice(0, MAX_TOASTS));
    setTimeout(() => dismiss(toast.id), TOAST_MS);
    if (muted) return;
    showSystemNotification({ ...toast, tag: `assigned-${conversation.conversationId}` }, (url) =>
      router.push(url),
    );
  });

  return (
    <TitledLinkToasts
      testId="assignment-toasts"
      toasts={toasts}
      openLabel={t.open}
      dismissLabel={t.dismiss}
      onDismiss={dismiss}
    />
  );
}
