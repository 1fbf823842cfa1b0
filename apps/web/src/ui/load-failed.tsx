"use client";

import { useT } from "~/i18n/i18n-provider";
import admin from "./admin-page.module.css";

/** A list or page that could not load: what failed, and Retry. */
export function LoadFailed({
  message,
  onRetry,
  retryLabel,
}: {
  message: string;
  onRetry: () => void;
  retryLabel?: string;
}) {
  const common = useT("common");
  return (
    <p className={admin.error} role="alert">
      {message}{" "}
      <button type="button" className={admin.button} onClick={onRetry}>
        {retryLabel ?? common.actions.retry}
      </button>
    </p>
  );
}
