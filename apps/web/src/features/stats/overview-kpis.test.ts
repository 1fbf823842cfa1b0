import { describe, expect, it } from "vitest";
import { formatUsd } from "~/i18n/format";
import { stats } from "./messages";
import { overviewKpis } from "./overview-kpis";

const totals = (
  conversations: number,
  active: number,
  escalations: number,
  p50: number | null,
) => ({
  conversations: { total: conversations, active, byStatus: {}, byStage: {}, byChannel: {} },
  escalations: { total: escalations, byType: {} },
  messages: { total: 40, byRole: {} },
  llm: {
    turns: 12,
    costUsd: 0.5,
    totalTokens: 3000,
    latencyMs: p50 === null ? null : { p50, p95: p50 * 2, avg: p50, max: p50 * 3 },
    llmLatencyMs: null,
  },
});

describe("the overview's headline numbers", () => {
  it("are in overview order, formatted, with no comparison unless asked", () => {
    const kpis = overviewKpis({ ...totals(10, 8, 2, 900), comparison: null }, stats.en, "en");
    expect(kpis.map((k) => k.testId)).toEqual([
      "kpi-conversations",
      "kpi-active",
      "kpi-escalations",
      "kpi-escalation-rate",
      "kpi-messages",
      "kpi-cost",
      "kpi-reply-p50",
      "kpi-reply-p95",
    ]);
    expect(kpis.map((k) => k.display)).toEqual([
      "10",
      "8",
      "2",
      "25%",
      "40",
      formatUsd("en", 0.5),
      stats.en.latency.ms("900"),
      stats.en.latency.ms("1,800"),
    ]);
    expect(kpis.every((k) => k.previous === undefined && k.previousDisplay === undefined)).toBe(
      true,
    );
  });

  it("carry the previous period's values, null (shown as —) where it had none", () => {
    const kpis = overviewKpis(
      { ...totals(10, 8, 2, 900), comparison: totals(5, 0, 1, null) },
      stats.en,
      "en",
    );
    const byId = new Map(kpis.map((k) => [k.testId, k]));
    expect(byId.get("kpi-conversations")).toMatchObject({ previous: 5, previousDisplay: "5" });
    expect(byId.get("kpi-escalation-rate")).toMatchObject({ previous: null, previousDisplay: "—" });
    expect(byId.get("kpi-reply-p50")).toMatchObject({ previous: null, previousDisplay: "—" });
    expect(byId.get("kpi-escalations")?.better).toBe("down");
  });
});
