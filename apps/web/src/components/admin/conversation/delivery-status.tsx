import type { TranscriptMessage } from "../../../lib/admin/types";
import styles from "./conversation.module.css";

type Status = NonNullable<TranscriptMessage["deliveryStatus"]>;

const LABELS: Record<Status, string> = {
  pending: "Sending…",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Not delivered",
  not_applicable: "",
};

/** Whether a message on Instagram / Telegram / WhatsApp reached the customer. */
export function DeliveryStatus({ status, error }: { status: Status; error?: string }) {
  return (
    <span
      className={styles.delivery}
      data-delivery={status}
      data-testid="delivery-status"
      title={error}
    >
      {LABELS[status]}
      {status === "failed" && error ? `: ${error}` : ""}
    </span>
  );
}
