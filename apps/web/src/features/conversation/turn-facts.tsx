"use client";

import { formatCost, formatLatency, type TurnDetails } from "./turn-details";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import styles from "./conversation.module.css";

/** What an agent turn used and cost: knowledge sources, cost, latency, tokens. */
export function TurnFacts({ turn }: { turn: TurnDetails }) {
  const t = useT("conversations").turn;
  const { locale } = useLocale();
  const latency = (ms: number) => formatLatency(ms, locale, t);
  const { usage, sources } = turn;
  const facts = [
    usage?.costUsd != null ? formatCost(usage.costUsd, locale) : null,
    usage?.latencyMs != null ? latency(usage.latencyMs) : null,
    usage?.totalTokens
      ? t.tokens(usage.totalTokens, formatNumber(locale, usage.totalTokens))
      : null,
    turn.offline ? t.offline : null,
    turn.fallback ? t.fallback : null,
  ].filter(Boolean);
  if (facts.length === 0 && sources.length === 0) return null;
  return (
    <details className={styles.turn} data-testid="turn-facts">
      <summary>
        {facts.join(" · ") || t.details}
        {sources.length > 0 && ` · ${t.sources(sources.length)}`}
      </summary>
      {sources.length > 0 && (
        <ul className={styles.sources}>
          {sources.map((source, index) => (
            <li key={`${source.sourceId}-${index}`}>
              {source.title}
              {source.score !== null && (
                <span className="muted"> ({formatNumber(locale, source.score, 2)})</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {usage?.llmLatencyMs != null && (
        <p className="muted">{t.modelTime(latency(usage.llmLatencyMs))}</p>
      )}
    </details>
  );
}
