"use client";

import Link from "next/link";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import styles from "./home.module.css";

export function AgentCards() {
  const t = useT("chat").home;
  const cards = trpc.agents.cards.useQuery();
  if (cards.isPending) return <p className="muted">{t.loading}</p>;
  if (cards.isError) return <p role="alert">{t.loadFailed(cards.error.message)}</p>;
  if (cards.data.items.length === 0) return <p className="muted">{t.empty}</p>;
  return (
    <ul className="cards" data-testid="agent-cards">
      {cards.data.items.map((card) => (
        <li key={card.agentId}>
          <Link
            href={`/chat/${encodeURIComponent(card.agentId)}`}
            className={`card ${styles.link}`}
            data-agent-id={card.agentId}
            aria-label={t.chatWith(card.displayName)}
          >
            <h2>{card.displayName}</h2>
            {card.specialty && <div>{card.specialty}</div>}
            {card.clinicName && card.clinicName !== card.displayName && (
              <div className="muted">{card.clinicName}</div>
            )}
            {card.languages.length > 0 && (
              <div className="muted">{card.languages.map((l) => l.toUpperCase()).join(" · ")}</div>
            )}
            <span className={styles.cta}>{t.start}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
