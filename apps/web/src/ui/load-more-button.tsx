"use client";

import { useT } from "~/i18n/i18n-provider";
import { Button } from "./button";
import admin from "./admin-page.module.css";

/** The next page of a console list, under it; waits while that page loads. */
export function LoadMoreButton({
  loading,
  onLoadMore,
  testId,
  label,
  loadingLabel,
}: {
  loading: boolean;
  onLoadMore: () => void;
  testId?: string;
  label?: string;
  loadingLabel?: string;
}) {
  const common = useT("common");
  return (
    <Button className={admin.more} onClick={onLoadMore} disabled={loading} data-testid={testId}>
      {loading ? (loadingLabel ?? common.actions.loading) : (label ?? common.actions.loadMore)}
    </Button>
  );
}
