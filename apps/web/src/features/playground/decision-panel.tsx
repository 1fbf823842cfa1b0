"use client";

import type { ReactNode } from "react";
import type { DecisionSummary } from "./decision-summary";
import { formatUsd } from "~/i18n/format";
import { formatLatency } from "~/features/conversation/turn-details";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { HandoffSummaryLines } from "~/features/console/handoff-summary";
import { causeWords } from "~/i18n/escalation-words";
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
      <HandoffSummaryLines summary={decision.summary} testId="decision-summary" />
      <dl className={styles.facts}>
        {decision.type && (
          <Fact term={d.type} testId="decision-type">
            {decision.type}
          </Fact>
        )}
        {decision.reason && (
          <Fact term={d.reason} testId="decision-reason">
            {decision.summary?.cause ? causeWords(decision.summary.cause, locale) : decision.reason}
          </Fact>
        )}
        <Fact term={d.confidence}>{decision.confidencePercent}%</Fact>
        <Fact term={d.source} testId="decision-source">
          {labelOf(t.sources, decision.source)}
        </Fact>
        {decision.triggers.length > 0 && (
          <Fact term={d.triggers} testId="decision-triggers">
            <Chips
              items={decision.triggers.map((trigger) => ({
                key: `${trigger.category ?? ""}:${trigger.type}:${trigger.keyword}`,
                text: trigger.category
                  ? `${t.safetyNet.label} · ${labelOf(t.safetyNet.categories, trigger.category)}: ${trigger.words.map((word) => `“${word}”`).join(", ")} (${typeLabel(trigger.type)})`
                  : `${trigger.keyword} (${typeLabel(trigger.type)})`,
              }))}
            />
          </Fact>
        )}
        {decision.contacts.length > 0 && (
          <Fact term={d.contacts} testId="decision-contacts">
            <Chips items={decision.contacts.map((contact) => ({ key: contact, text: contact }))} />
          </Fact>
        )}
        <Fact term={d.sources} testId="decision-sources">
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
        </Fact>
        <Fact term={d.language}>{decision.language}</Fact>
      </dl>
      <p className={styles.metrics}>
        {d.cost} {formatUsd(locale, decision.costUsd)} · {d.latency}{" "}
        {formatLatency(decision.latencyMs, locale, units)} · {d.tokens(decision.totalTokens)}
        {decision.cachedTokens > 0 && ` (${d.cachedTokens(decision.cachedTokens)})`} ·{" "}
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

function Fact({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function Chips({ items }: { items: readonly { key: string; text: string }[] }) {
  return (
    <ul className={styles.chips}>
      {items.map((item) => (
        <li key={item.key}>{item.text}</li>
      ))}
    </ul>
  );
}
