import { formatWaiting, waitingLevel } from "../../../lib/admin/waiting-since";
import styles from "./conversations.module.css";

/** How long the customer has waited for a human; ticks with the inbox's clock. */
export function WaitingTimer({ since, now }: { since: string; now: number }) {
  return (
    <time
      dateTime={since}
      className={styles.waiting}
      data-level={waitingLevel(since, now)}
      data-testid="waiting-since"
      title={`Waiting since ${new Date(since).toLocaleString()}`}
    >
      Waiting {formatWaiting(since, now)}
    </time>
  );
}
