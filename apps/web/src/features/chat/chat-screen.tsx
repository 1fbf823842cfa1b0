"use client";

import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import styles from "./chat.module.css";
import { AgentUnavailable } from "./agent-unavailable";
import { ChatConversation } from "./chat-conversation";
import { useAgentCard } from "./use-agent-card";

/** The customer chat with one agent, as a page (`/chat/[agentId]`) or in the widget's frame. */
export function ChatScreen({ agentId, variant }: { agentId: string; variant: "page" | "embed" }) {
  const t = useT("chat").screen;
  const card = useAgentCard(agentId);
  return (
    <main
      className={`${styles.screen} ${variant === "embed" ? styles.embed : ""}`}
      data-testid="chat-screen"
    >
      {card.isPending && (
        <p className={styles.empty} role="status">
          {t.loading}
        </p>
      )}
      {card.isError && (
        <div className={styles.unavailable} role="alert">
          <p>{t.unreachable}</p>
          <Button variant="primary" pill onClick={() => void card.refetch()}>
            {t.retry}
          </Button>
        </div>
      )}
      {card.isSuccess &&
        (card.data ? (
          <ChatConversation card={card.data} variant={variant} />
        ) : (
          <AgentUnavailable variant={variant} />
        ))}
    </main>
  );
}
