"use client";

import type { TranscriptMessage } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import styles from "./conversation.module.css";

type Status = NonNullable<TranscriptMessage["deliveryStatus"]>;

/** Whether a message on Instagram / Telegram / WhatsApp reached the customer. */
export function DeliveryStatus({ status, error }: { status: Status; error?: string }) {
  const t = useT("conversations").delivery;
  return (
    <span
      className={styles.delivery}
      data-delivery={status}
      data-testid="delivery-status"
      title={error}
    >
      {status === "not_applicable" ? "" : t[status]}
      {status === "failed" && error ? `: ${error}` : ""}
    </span>
  );
}
