"use client";

import { Button } from "./button";
import { Notice } from "./notice";

/**
 * A console form's end: what failed (if anything), then Cancel and the submit button, which waits
 * while `busy`.
 */
export function FormFooter({
  error,
  errorTestId,
  cancelLabel,
  onCancel,
  submitLabel,
  busy,
  submitTestId,
  className,
}: {
  error: string | null;
  errorTestId: string;
  cancelLabel: string;
  onCancel: () => void;
  submitLabel: string;
  busy: boolean;
  submitTestId: string;
  /** The buttons' row. */
  className?: string;
}) {
  return (
    <>
      {error && (
        <Notice tone="danger" role="alert" data-testid={errorTestId}>
          {error}
        </Notice>
      )}
      <div className={className}>
        <Button onClick={onCancel}>{cancelLabel}</Button>
        <Button type="submit" variant="primary" disabled={busy} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
