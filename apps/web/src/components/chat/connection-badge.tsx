import { CONNECTION_LABELS, type ConnectionState } from "../../lib/chat/connection-state";
import styles from "./chat.module.css";

/** Live / reconnecting state of the chat's WebSocket (it reconnects by itself). */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  if (state === "off") return null;
  return (
    <span
      className={styles.connection}
      data-testid="chat-connection"
      data-state={state}
      role="status"
      aria-live="polite"
    >
      {CONNECTION_LABELS[state]}
    </span>
  );
}
