"use client";

import Link from "next/link";
import { trpc } from "../lib/trpc";
import styles from "./home.module.css";

export function AgentCards() {
  const cards = trpc.agents.cards.useQuery();
  if (cards.isPending) return <p className="muted">Loading…</p>;
  if (cards.isError)
    return <p role="alert">Could not load the assistants: {cards.error.message}</p>;
  if (cards.data.items.length === 0)
    return <p className="muted">No assistants are available yet.</p>;
  return (
    <ul className="cards" data-testid="agent-cards">
      {cards.data.items.map((card) => (
        <li key={card.agentId}>
          <Link
            href={`/chat/${encodeURIComponent(card.agentId)}`}
            className={`card ${styles.link}`}
            data-agent-id={card.agentId}
            aria-label={`Chat with ${card.displayName}`}
          >
            <h2>{card.displayName}</h2>
            {card.specialty && <div>{card.specialty}</div>}
            {card.clinicName && card.clinicName !== card.displayName && (
              <div className="muted">{card.clinicName}</div>
            )}
            {card.languages.length > 0 && (
              <div className="muted">{card.languages.map((l) => l.toUpperCase()).join(" · ")}</div>
            )}
            <span className={styles.cta}>Start chatting →</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
