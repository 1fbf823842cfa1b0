"use client";

import type { DecisionSummary } from "./decision-summary";
import { formatUsd } from "~/i18n/format";
import { formatLatency } from "~/features/conversation/turn-details";
import { useLocale, useT } from "~/i18n/i18n-provider";
import styles from "./playground.module.css";

/** A known value's label; a value this console does not know yet shows as it is. */
const labelOf = (labels: Readonly<Record<string, string>>, value: string): string =>
  labels[value] ?? value;

/** What the agent decided on one turn: escalation, its grounds, the knowledge it used, what it cost. */
export function DecisionPanel({ decision }: { decision: DecisionSummary }) {
  const t = useT("playground");
  const { locale } = useLocale();
  const units = useT("conversations").turn;
  const d = t.decision;
  const typeLabel = (type: string) => labelOf(t.types, type);
  return (
    <section
      className={styles.decision}
      data-escalated={decision.escalated}
      data-testid="playground-decision"
      aria-label={d.title}
    >
      <h3 data-testid="decision-escalation">
        {decision.escalated ? d.escalated : d.notEscalated}
        {decision.type && ` · ${typeLabel(decision.type)}`}
      </h3>
      <dl className={styles.facts}>
        {decision.type && (
          <>
            <dt>{d.type}</dt>
            <dd data-testid="decision-type">{decision.type}</dd>
          </>
        )}
        {decision.reason && (
          <>
            <dt>{d.reason}</dt>
            <dd>{decision.reason}</dd>
          </>
        )}
        <dt>{d.confidence}</dt>
        <dd>{decision.confidencePercent}%</dd>
        <dt>{d.source}</dt>
        <dd data-testid="decision-source">{labelOf(t.sources, decision.source)}</dd>
        {decision.triggers.length > 0 && (
          <>
            <dt>{d.triggers}</dt>
            <dd>
              <ul className={styles.chips}>
                {decision.triggers.map((trigger) => (
                  <li key={`${trigger.type}:${trigger.keyword}`}>
                    {trigger.keyword} ({typeLabel(trigger.type)})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {decision.contacts.length > 0 && (
          <>
            <dt>{d.contacts}</dt>
            <dd data-testid="decision-contacts">
              <ul className={styles.chips}>
                {decision.contacts.map((contact) => (
                  <li key={contact}>{contact}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{d.sources}</dt>
        <dd data-testid="decision-sources">
          {decision.sources.length === 0 ? (
            <span className="muted">{d.noSources}</span>
          ) : (
            <ol className={styles.sources}>
              {decision.sources.map((source) => (
                <li key={source.key}>
                  {source.title} <span className="muted">({d.score(source.scorePercent)})</span>
                  <span className={styles.snippet}>{source.snippet}</span>
                </li>
              ))}
            </ol>
          )}
        </dd>
        <dt>{d.language}</dt>
        <dd>{decision.language}</dd>
      </dl>
      <p className={styles.metrics}>
        {d.cost} {formatUsd(locale, decision.costUsd)} · {d.latency}{" "}
        {formatLatency(decision.latencyMs, locale, units)} · {d.tokens(decision.totalTokens)} ·{" "}
        {d.parts(decision.parts)}
      </p>
      {decision.flags.length > 0 && (
        <ul className={`${styles.chips} ${styles.flags}`} data-testid="decision-flags">
          {decision.flags.map((flag) => (
            <li key={flag}>{t.flags[flag]}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
