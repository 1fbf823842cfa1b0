import { formatCost, formatLatency, type TurnDetails } from "../../../lib/admin/turn-details";
import styles from "./conversation.module.css";

/** What an agent turn used and cost: knowledge sources, cost, latency, tokens. */
export function TurnFacts({ turn }: { turn: TurnDetails }) {
  const { usage, sources } = turn;
  const facts = [
    usage?.costUsd != null ? formatCost(usage.costUsd) : null,
    usage?.latencyMs != null ? formatLatency(usage.latencyMs) : null,
    usage?.totalTokens ? `${usage.totalTokens} tokens` : null,
    turn.offline ? "offline model" : null,
    turn.fallback ? "fallback reply" : null,
  ].filter(Boolean);
  if (facts.length === 0 && sources.length === 0) return null;
  return (
    <details className={styles.turn} data-testid="turn-facts">
      <summary>
        {facts.join(" · ") || "Turn details"}
        {sources.length > 0 && ` · ${sources.length} source${sources.length === 1 ? "" : "s"}`}
      </summary>
      {sources.length > 0 && (
        <ul className={styles.sources}>
          {sources.map((source, index) => (
            <li key={`${source.sourceId}-${index}`}>
              {source.title}
              {source.score !== null && <span className="muted"> ({source.score.toFixed(2)})</span>}
            </li>
          ))}
        </ul>
      )}
      {usage?.llmLatencyMs != null && (
        <p className="muted">Model time {formatLatency(usage.llmLatencyMs)}</p>
      )}
    </details>
  );
}
