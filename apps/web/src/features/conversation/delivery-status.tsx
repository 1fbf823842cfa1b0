"use client";

import type { TranscriptMessage } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { deliveryLabel } from "./delivery-label";
import styles from "./conversation.module.css";

type Status = NonNullable<TranscriptMessage["deliveryStatus"]>;

/** Whether a message on Instagram / Telegram / WhatsApp reached the customer. */
export function DeliveryStatus({
  status,
  channel,
  error,
  reasonCode,
}: {
  status: Status;
  /** Instagram reports "seen" but never "delivered". */
  channel: string;
  error?: string;
  /** The platform's error code (WhatsApp 131026, Twilio 63016): what its docs are searched by. */
  reasonCode?: string;
}) {
  const t = useT("conversations").delivery;
  const why = [error, reasonCode && `(${reasonCode})`].filter(Boolean).join(" ");
  const label = status === "not_applicable" ? null : deliveryLabel(status, channel, t);
  return (
    <span
      className={styles.delivery}
      data-delivery={status}
      data-testid="delivery-status"
      title={why || label?.hint || undefined}
    >
      {label?.text ?? ""}
      {status === "failed" && why ? `: ${why}` : ""}
    </span>
  );
}
