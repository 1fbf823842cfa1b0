"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { AgentCard } from "./chat-types";
import type { ConnectionState } from "./connection-state";
import { useT } from "~/i18n/i18n-provider";
import { AgentAvatar } from "./agent-avatar";
import { Button } from "~/ui/button";
import styles from "./chat.module.css";
import { ConnectionBadge } from "./connection-badge";

/** The message the embedding widget listens for to close its panel. */
export const WIDGET_CLOSE_MESSAGE = "agents-crm:close";

const closeWidget = () => window.parent.postMessage({ type: WIDGET_CLOSE_MESSAGE }, "*");

function subtitle(card: AgentCard): string {
  return [card.specialty, card.clinicName !== card.displayName ? card.clinicName : null]
    .filter(Boolean)
    .join(" · ");
}

export function ChatHeader({
  card,
  connection,
  variant,
}: {
  card: AgentCard;
  connection: ConnectionState;
  variant: "page" | "embed";
}) {
  const t = useT("chat").header;
  // Known only in the browser: the embedded chat shows a close button when it is in a frame.
  const [framed, setFramed] = useState(false);
  useEffect(() => {
    if (variant !== "embed" || window.parent === window) return;
    setFramed(true);
    // Focus is inside the frame while chatting: Escape closes the widget from here too.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") closeWidget();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [variant]);
  const about = subtitle(card);
  return (
    <header className={styles.header} data-testid="chat-header">
      {variant === "page" && (
        <Link href="/" className={styles.back} aria-label={t.allAssistants}>
          ←
        </Link>
      )}
      <AgentAvatar name={card.displayName} />
      <div className={styles.who}>
        <h1>{card.displayName}</h1>
        {about && <p>{about}</p>}
      </div>
      <ConnectionBadge state={connection} />
      {variant === "embed" && framed && (
        <Button variant="icon" className={styles.close} aria-label={t.close} onClick={closeWidget}>
          ×
        </Button>
      )}
    </header>
  );
}
