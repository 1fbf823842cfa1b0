import type { Locale } from "~/i18n/locales";
import { formatNumber } from "~/i18n/format";
import { formatDuration } from "./duration";
import type { stats } from "./messages";
import { kpisOf, type KpiSpec, type OverviewKpi } from "./overview-kpis";
import type { HumanDurations, StatsHumans } from "./types";

/** The numbers a period and the period before both have. */
type HumanTotals = Pick<
  StatsHumans,
  | "takeovers"
  | "escalationToTakeoverMs"
  | "firstResponseMs"
  | "timeToResolveMs"
  | "resolved"
  | "handled"
  | "realertsFired"
>;

/** The front desk's headline numbers, each against the previous period when comparing. */
export function humanKpis(
  data: HumanTotals & { comparison: HumanTotals | null },
  t: (typeof stats)["en"],
  locale: Locale,
): OverviewKpi[] {
  const words = t.humans;
  const n = (v: number | null) => (v === null ? "—" : formatNumber(locale, v));
  const time = (v: number | null) => (v === null ? "—" : formatDuration(v, locale, words.duration));
  const p90 = (d: HumanDurations | null) =>
    d ? words.kpi.p90(formatDuration(d.p90, locale, words.duration), d.count) : words.kpi.none;
  const specs: KpiSpec<HumanTotals>[] = [
    {
      label: words.kpi.takeovers,
      testId: "kpi-takeovers",
      pick: (s) => s.takeovers,
      format: n,
      better: "neutral",
    },
    {
      label: words.kpi.escalationToTakeover,
      testId: "kpi-escalation-to-takeover",
      pick: (s) => s.escalationToTakeoverMs?.median ?? null,
      format: time,
      better: "down",
      hint: p90(data.escalationToTakeoverMs),
    },
    {
      label: words.kpi.firstResponse,
      testId: "kpi-first-response",
      pick: (s) => s.firstResponseMs?.median ?? null,
      format: time,
      better: "down",
      hint: p90(data.firstResponseMs),
    },
    {
      label: words.kpi.timeToResolve,
      testId: "kpi-time-to-resolve",
      pick: (s) => s.timeToResolveMs?.median ?? null,
      format: time,
      better: "down",
      hint: p90(data.timeToResolveMs),
    },
    {
      label: words.kpi.handled,
      testId: "kpi-handled",
      pick: (s) => s.handled,
      format: n,
      better: "neutral",
    },
    {
      label: words.kpi.resolved,
      testId: "kpi-resolved",
      pick: (s) => s.resolved,
      format: n,
      better: "up",
    },
    {
      label: words.kpi.realerts,
      testId: "kpi-realerts",
      pick: (s) => s.realertsFired,
      format: n,
      better: "down",
      hint: words.kpi.realertsHint,
    },
  ];
  return kpisOf(specs, data);
}
