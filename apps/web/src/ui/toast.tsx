"use client";

import Link from "next/link";
import { useCallback, useState, type ReactNode } from "react";
import { Button } from "./button";
import styles from "./toast.module.css";

/** Where toasts appear: the bottom right corner, announced politely as they arrive. */
export function ToastRegion({
  children,
  testId,
  className,
}: {
  children: ReactNode;
  testId?: string;
  /** Moves a second region elsewhere (mentions above, escalations below). */
  className?: string;
}) {
  return (
    <div
      className={[styles.region, className].filter(Boolean).join(" ")}
      role="status"
      aria-live="polite"
      data-testid={testId}
    >
      {children}
    </div>
  );
}

/**
 * The top right corner, shared by several regions (assignments, mentions): one column, so a toast in
 * one region never covers another region's toast. Escalations keep the bottom right corner.
 */
export function TopToastStack({ children }: { children: ReactNode }) {
  return <div className={styles.topStack}>{children}</div>;
}

/** A short-lived message with a close button; its content is usually a link to what it is about. */
export function Toast({
  children,
  dismissLabel,
  onDismiss,
}: {
  children: ReactNode;
  dismissLabel: string;
  onDismiss: () => void;
}) {
  return (
    <div className={styles.toast}>
      <div className={styles.body}>{children}</div>
      <Button variant="icon" aria-label={dismissLabel} onClick={onDismiss}>
        ×
      </Button>
    </div>
  );
}

/** A toast that is a link to what it is about: following the link dismisses it too. */
export function LinkToast({
  href,
  openLabel,
  dismissLabel,
  onDismiss,
  children,
}: {
  href: string;
  /** The link's accessible name, when its text does not say where it goes. */
  openLabel?: string;
  dismissLabel: string;
  onDismiss: () => void;
  children: ReactNode;
}) {
  return (
    <Toast dismissLabel={dismissLabel} onDismiss={onDismiss}>
      <Link href={href} onClick={onDismiss} aria-label={openLabel}>
        {children}
      </Link>
    </Toast>
  );
}

/** A title and a line about something, linked to it. */
export interface TitledToast {
  id: string;
  title: string;
  body: string;
  url: string;
}

/** A region of titled link toasts; nothing while there are none. */
export function TitledLinkToasts({
  testId,
  toasts,
  openLabel,
  dismissLabel,
  onDismiss,
}: {
  testId: string;
  toasts: readonly TitledToast[];
  openLabel: string;
  dismissLabel: string;
  onDismiss: (id: string) => void;
}) {
  if (toasts.length === 0) return null;
  return (
    <ToastRegion testId={testId}>
      {toasts.map((toast) => (
        <LinkToast
          key={toast.id}
          href={toast.url}
          openLabel={openLabel}
          dismissLabel={dismissLabel}
          onDismiss={() => onDismiss(toast.id)}
        >
          <strong>{toast.title}</strong>
          <span>{toast.body}</span>
        </LinkToast>
      ))}
    </ToastRegion>
  );
}

/** A region's toasts (each with an id) and a stable way to dismiss one. */
export function useToasts<T extends { id: string }>() {
  const [toasts, setToasts] = useState<T[]>([]);
  const dismiss = useCallback(
    (id: string) => setToasts((all) => all.filter((toast) => toast.id !== id)),
    [],
  );
  return { toasts, setToasts, dismiss };
}
