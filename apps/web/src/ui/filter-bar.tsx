"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import admin from "./admin-page.module.css";

/**
 * A page's filter bar: a search landmark whose fields apply as they change (Enter submits nothing),
 * and "Clear filters" while any is set.
 */
export function FilterBar({
  label,
  clearLabel,
  canClear,
  onClear,
  children,
}: {
  label?: string;
  clearLabel: string;
  canClear: boolean;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className={admin.filters}
      role="search"
      aria-label={label}
      onSubmit={(e) => e.preventDefault()}
    >
      {children}
      {canClear && (
        <Button variant="quiet" onClick={onClear}>
          {clearLabel}
        </Button>
      )}
    </form>
  );
}
