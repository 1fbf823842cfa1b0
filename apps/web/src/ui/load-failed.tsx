"use client";

import { useT } from "~/i18n/i18n-provider";
import { Button } from "./button";
import { Notice } from "./notice";

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
    <Notice tone="danger" role="alert">
      {message} <Button onClick={onRetry}>{retryLabel ?? common.actions.retry}</Button>
    </Notice>
  );
}
