"use client";

import { useT } from "~/i18n/i18n-provider";
import { useRequestLimitUntil } from "./request-limit-context";
import { useNow } from "~/features/console/use-now";
import styles from "~/features/console/admin-shell.module.css";

/** "Too many requests — retrying in 12 s" while the console holds refused requests back. */
export function RequestLimitNotice() {
  const until = useRequestLimitUntil();
  return until === null ? null : <Countdown until={until} />;
}

function Countdown({ until }: { until: number }) {
  const t = useT("common").requestLimit;
  const now = useNow(1000);
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return (
    <div className={styles.requestLimit} data-testid="request-limit-notice">
      {/* Announced once; the ticking countdown beside it is for the eye only. */}
      <span role="status" className="sr-only">
        {t.announcement}
      </span>
      <span aria-hidden="true" data-testid="request-limit-countdown">
        {t.retryingIn(seconds)}
      </span>
    </div>
  );
}
