"use client";

import { ratio } from "./delta";
import type { StatsSummary } from "./types";
import { formatNumber, formatUsd } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { KpiCard } from "./kpi-card";
import styles from "./stats.module.css";

/** The headline numbers, each against the previous period when comparing. */
export function StatsOverview({ data }: { data: StatsSummary }) {
  const t = useT("stats");
  const { locale } = useLocale();
  const prev = data.comparison;
  const n = (v: number) => formatNumber(locale, v);
  const pct = (v: number | null) => (v === null ? "—" : `${formatNumber(locale, v * 100, 1)}%`);
  const ms = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : t.latency.ms(formatNumber(locale, v));
  const rate = ratio(data.escalations.total, data.conversations.active);
  const previousRate = prev ? ratio(prev.escalations.total, prev.conversations.active) : null;

  return (
    <dl className={styles.kpis} data-testid="stats-overview">
      <KpiCard
        label={t.kpi.conversations}
        value={data.conversations.total}
        display={n(data.conversations.total)}
        previous={prev?.conversations.total}
        previousDisplay={prev ? n(prev.conversations.total) : undefined}
        better="up"
        testId="kpi-conversations"
      />
      <KpiCard
        label={t.kpi.active}
        value={data.conversations.active}
        display={n(data.conversations.active)}
        previous={prev?.conversations.active}
        previousDisplay={prev ? n(prev.conversations.active) : undefined}
        better="up"
        testId="kpi-active"
      />
      <KpiCard
        label={t.kpi.escalations}
        value={data.escalations.total}
        display={n(data.escalations.total)}
        previous={prev?.escalations.total}
        previousDisplay={prev ? n(prev.escalations.total) : undefined}
        better="down"
        testId="kpi-escalations"
      />
      <KpiCard
        label={t.kpi.escalationRate}
        value={rate}
        display={pct(rate)}
        previous={prev ? previousRate : undefined}
        previousDisplay={pct(previousRate)}
        better="down"
        hint={t.kpi.rateOf(data.conversations.active)}
        testId="kpi-escalation-rate"
      />
      <KpiCard
        label={t.kpi.messages}
        value={data.messages.total}
        display={n(data.messages.total)}
        previous={prev?.messages.total}
        previousDisplay={prev ? n(prev.messages.total) : undefined}
        testId="kpi-messages"
      />
      <KpiCard
        label={t.kpi.cost}
        value={data.llm.costUsd}
        display={formatUsd(locale, data.llm.costUsd)}
        previous={prev?.llm.costUsd}
        previousDisplay={prev ? formatUsd(locale, prev.llm.costUsd) : undefined}
        better="down"
        hint={`${t.kpi.turns(data.llm.turns)} · ${t.kpi.tokens}: ${n(data.llm.totalTokens)}`}
        testId="kpi-cost"
      />
      <KpiCard
        label={t.kpi.replyP50}
        value={data.llm.latencyMs?.p50 ?? null}
        display={ms(data.llm.latencyMs?.p50)}
        previous={prev ? (prev.llm.latencyMs?.p50 ?? null) : undefined}
        previousDisplay={ms(prev?.llm.latencyMs?.p50)}
        better="down"
        testId="kpi-reply-p50"
      />
      <KpiCard
        label={t.kpi.replyP95}
        value={data.llm.latencyMs?.p95 ?? null}
        display={ms(data.llm.latencyMs?.p95)}
        previous={prev ? (prev.llm.latencyMs?.p95 ?? null) : undefined}
        previousDisplay={ms(prev?.llm.latencyMs?.p95)}
        better="down"
        testId="kpi-reply-p95"
      />
    </dl>
  );
}
