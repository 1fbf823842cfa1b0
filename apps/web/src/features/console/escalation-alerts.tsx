"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useBrowserValue } from "~/ui/use-browser-value";
import { eventConversation } from "./admin-event";
import { readAlertsMuted, writeAlertsMuted } from "./alert-preferences";
import { safeNextPath } from "./safe-next";
import { useT } from "~/i18n/i18n-provider";
import { useAdminEvents, useConsoleOpenedAt } from "./admin-events";
import { playAlertSound, unlockAlertSound } from "./alert-sound";
import { LinkToast, ToastRegion, useToasts } from "~/ui/toast";
import { showSystemNotification } from "./system-notification";
import { useHandoffSummaryLines } from "./handoff-summary";
import { realertTitle } from "~/features/assignment/assignee-label";
import { useAssignees } from "~/features/assignment/use-assignees";
import { useSession } from "./session-context";

type Permission = NotificationPermission | "unsupported";

interface AlertSettings {
  muted: boolean;
  permission: Permission;
  setMuted: (muted: boolean) => void;
  /** Must run from a click: browsers ask for notification permission only on a user gesture. */
  enable: () => void;
}

interface Toast {
  id: string;
  conversationId: string;
  /** Minutes nobody took over, for a reminder; null for the first alert. */
  stillWaiting: number | null;
  /** Who the conversation is assigned to: a reminder addresses them. */
  assigneeId?: string;
  body: string;
  /** The handoff summary's lines (what the customer wants, contacts), in the console's language. */
  summary: string[];
  url: string;
}

const AlertSettingsContext = createContext<AlertSettings | null>(null);
const TOAST_MS = 10_000;
const MAX_TOASTS = 3;

const notificationPermission = (): Permission =>
  typeof Notification === "undefined" ? "unsupported" : Notification.permission;

/**
 * Escalations as they happen: a beep and a system notification (unless muted in this browser), and a
 * toast in the page. Events replayed from before the console opened raise nothing.
 */
export function EscalationAlertsProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const t = useT("common").alerts;
  const assignmentWords = useT("assignment");
  const { user } = useSession();
  const staff = useAssignees().byId;
  const titleOf = (toast: Pick<Toast, "stillWaiting" | "assigneeId">) =>
    toast.stillWaiting === null
      ? t.needsHuman
      : (realertTitle(
          toast.assigneeId,
          toast.stillWaiting,
          { me: user.userId, nameOf: (id) => staff.get(id)?.name },
          assignmentWords,
        ) ?? t.stillWaiting(toast.stillWaiting));
  const summaryLines = useHandoffSummaryLines();
  const openedAt = useConsoleOpenedAt();
  // What this browser remembers and allows, until the admin changes it here (null: not changed yet).
  const storedMuted = useBrowserValue(() => readAlertsMuted(window.localStorage), false);
  const [mutedChoice, setMutedState] = useState<boolean | null>(null);
  const muted = mutedChoice ?? storedMuted;
  const currentPermission = useBrowserValue<Permission>(notificationPermission, "unsupported");
  const [permissionAnswer, setPermission] = useState<Permission | null>(null);
  const permission = permissionAnswer ?? currentPermission;
  const { toasts, setToasts, dismiss } = useToasts<Toast>();

  const setMuted = useCallback((next: boolean) => {
    setMutedState(next);
    writeAlertsMuted(window.localStorage, next);
    if (!next) unlockAlertSound();
  }, []);

  const enable = useCallback(() => {
    unlockAlertSound();
    setMuted(false);
    if (typeof Notification === "undefined") return;
    void Notification.requestPermission().then(setPermission);
  }, [setMuted]);

  useAdminEvents((event, eventId) => {
    const row = eventConversation(event);
    if (!row) return;
    const { conversationId } = row;
    if (row.status !== "NEEDS_HUMAN") {
      // Someone took it (or it went back to the AI): the alert has been answered.
      setToasts((all) => all.filter((t) => t.conversationId !== conversationId));
      return;
    }
    if (event.type !== "conversation.escalated" || eventId < openedAt) return;
    const { notification, realert, summary } = event.payload;
    // The title is written here, in the console's language; the body is the agent's name and reason.
    const since = Date.parse(row.needsHumanSince ?? row.updatedAt);
    const toast: Toast = {
      id: eventId,
      conversationId,
      stillWaiting: realert ? Math.max(1, Math.round((Date.now() - since) / 60_000)) : null,
      assigneeId: row.assigneeId,
      body: notification.body,
      // The body names the reason already.
      summary: summary ? summaryLines({ ...summary, why: "" }) : [],
      url: safeNextPath(notification.url),
    };
    setToasts((all) =>
      [toast, ...all.filter((t) => t.conversationId !== conversationId)].slice(0, MAX_TOASTS),
    );
    setTimeout(() => dismiss(eventId), TOAST_MS);
    if (muted) return;
    playAlertSound();
    showSystemNotification(
      {
        title: titleOf(toast),
        body: [notification.body, ...toast.summary].join("\n"),
        tag: notification.tag,
        url: toast.url,
      },
      (url) => router.push(url),
    );
  });

  const settings = useMemo(
    () => ({ muted, permission, setMuted, enable }),
    [muted, permission, setMuted, enable],
  );
  return (
    <AlertSettingsContext.Provider value={settings}>
      {children}
      <ToastRegion testId="escalation-toasts">
        {toasts.map((toast) => (
          <LinkToast
            key={toast.id}
            href={toast.url}
            dismissLabel={t.dismiss}
            onDismiss={() => dismiss(toast.id)}
          >
            <strong>{titleOf(toast)}</strong>
            <span>{toast.body}</span>
            {toast.summary.map((line) => (
              <span key={line} data-testid="toast-summary">
                {line}
              </span>
            ))}
          </LinkToast>
        ))}
      </ToastRegion>
    </AlertSettingsContext.Provider>
  );
}

export function useAlertSettings(): AlertSettings {
  const settings = useContext(AlertSettingsContext);
  if (!settings) throw new Error("useAlertSettings outside EscalationAlertsProvider");
  return settings;
}
