import type { Locale } from "~/i18n/locales";
import { formatNumber, formatUsd } from "~/i18n/format";
import { ratio, type Better } from "./delta";
import type { stats } from "./messages";
import type { StatsSummary } from "./types";

/** The numbers a period and its comparison period both have. */
type Totals = Pick<StatsSummary, "conversations" | "escalations" | "messages" | "llm">;

export interface OverviewKpi {
  label: string;
  value: number | null;
  display: string;
  /** Undefined when not comparing, null when the previous period has no such number. */
  previous?: number | null;
  previousDisplay?: string;
  better?: Better;
  hint?: string;
  testId: string;
}

/** A headline number: how to read it off a period's totals, and how to show it. */
export interface KpiSpec<T> {
  label: string;
  testId: string;
  pick: (totals: T) => number | null;
  format: (value: number | null) => string;
  better?: Better;
  hint?: string;
}

/** Each spec's value for the period, with the previous period's when there is a comparison. */
export function kpisOf<T>(specs: KpiSpec<T>[], data: T & { comparison: T | null }): OverviewKpi[] {
  const prev = data.comparison;
  return specs.map(({ pick, format, ...spec }) => {
    const value = pick(data);
    const previous = prev ? pick(prev) : undefined;
    return {
      ...spec,
      value,
      display: format(value),
      previous,
      previousDisplay: previous === undefined ? undefined : format(previous),
    };
  });
}

/** The headline numbers in overview order, each with its previous period's value when comparing. */
export function overviewKpis(
  data: Totals & { comparison: Totals | null },
  t: (typeof stats)["en"],
  locale: Locale,
): OverviewKpi[] {
  const n = (v: number | null) => (v === null ? "—" : formatNumber(locale, v));
  const pct = (v: number | null) => (v === null ? "—" : `${formatNumber(locale, v * 100, 1)}%`);
  const ms = (v: number | null) => (v === null ? "—" : t.latency.ms(formatNumber(locale, v)));
  const usd = (v: number | null) => (v === null ? "—" : formatUsd(locale, v));
  const specs: KpiSpec<Totals>[] = [
    {
      label: t.kpi.conversations,
      testId: "kpi-conversations",
      pick: (s) => s.conversations.total,
      format: n,
      better: "up",
    },
    {
      label: t.kpi.active,
      testId: "kpi-active",
      pick: (s) => s.conversations.active,
      format: n,
      better: "up",
    },
    {
      label: t.kpi.escalations,
      testId: "kpi-escalations",
      pick: (s) => s.escalations.total,
      format: n,
      better: "down",
    },
    {
      label: t.kpi.escalationRate,
      testId: "kpi-escalation-rate",
      pick: (s) => ratio(s.escalations.total, s.conversations.active),
      format: pct,
      better: "down",
      hint: t.kpi.rateOf(data.conversations.active),
    },
    {
      label: t.kpi.messages,
      testId: "kpi-messages",
      pick: (s) => s.messages.total,
      format: n,
    },
    {
      label: t.kpi.cost,
      testId: "kpi-cost",
      pick: (s) => s.llm.costUsd,
      format: usd,
      better: "down",
      hint: `${t.kpi.turns(data.llm.turns)} · ${t.kpi.tokens}: ${n(data.llm.totalTokens)}`,
    },
    {
      label: t.kpi.replyP50,
      testId: "kpi-reply-p50",
      pick: (s) => s.llm.latencyMs?.p50 ?? null,
      format: ms,
      better: "down",
    },
    {
      label: t.kpi.replyP95,
      testId: "kpi-reply-p95",
      pick: (s) => s.llm.latencyMs?.p95 ?? null,
      format: ms,
      better: "down",
    },
  ];
  return kpisOf(specs, data);
}
