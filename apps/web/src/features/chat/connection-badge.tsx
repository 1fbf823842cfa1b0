"use client";

import type { ConnectionState } from "./connection-state";
import { useT } from "~/i18n/i18n-provider";
import dot from "~/ui/live-dot.module.css";
import styles from "./chat.module.css";

/** Live / reconnecting state of the chat's WebSocket (it reconnects by itself). */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const t = useT("chat").connection;
  if (state === "off") return null;
  return (
    <span
      className={`${dot.liveDot} ${styles.connection}`}
      data-testid="chat-connection"
      data-state={state}
      role="status"
      aria-live="polite"
    >
      {state === "offline" ? t.offlineRetrying : t[state]}
    </span>
  );
}
