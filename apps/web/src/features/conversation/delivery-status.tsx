"use client";

import type { DeliveryFailure } from "@agents-crm/config/binding-errors";
import type { TranscriptMessage } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { deliveryFailureText } from "./delivery-failure-text";
import { deliveryLabel } from "./delivery-label";
import styles from "./conversation.module.css";

type Status = NonNullable<TranscriptMessage["deliveryStatus"]>;

/** Whether a message on Instagram / Telegram / WhatsApp reached the customer. */
export function DeliveryStatus({
  status,
  channel,
  error,
  failure,
  reasonCode,
}: {
  status: Status;
  /** Instagram reports "seen" but never "delivered". */
  channel: string;
  error?: string;
  /** Why the product could not send it, worded here in the console's language. */
  failure?: DeliveryFailure;
  /** The platform's error code (WhatsApp 131026, Twilio 63016): what its docs are searched by. */
  reasonCode?: string;
}) {
  const t = useT("conversations").delivery;
  const channelWords = useT("channels");
  const reason = deliveryFailureText(failure, error, t, channelWords);
  const why = [reason, reasonCode && `(${reasonCode})`].filter(Boolean).join(" ");
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
