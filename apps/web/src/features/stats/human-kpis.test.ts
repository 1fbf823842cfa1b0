import { describe, expect, it } from "vitest";
import { delta } from "./delta";
import { formatDuration } from "./duration";
import { humanKpis } from "./human-kpis";
import { stats } from "./messages";

const MIN = 60_000;
const totals = (takeovers: number, firstMedian: number | null) => ({
  takeovers,
  escalationToTakeoverMs: { count: takeovers, median: 4 * MIN, p90: 20 * MIN },
  firstResponseMs:
    firstMedian === null ? null : { count: 3, median: firstMedian, p90: firstMedian * 3 },
  timeToResolveMs: null,
  resolved: 2,
  handled: 5,
  realertsFired: 1,
});

describe("staff durations in words", () => {
  it("seconds, minutes, hours with padded minutes, days", () => {
    const en = stats.en.humans.duration;
    expect(formatDuration(0, "en", en)).toBe("0 s");
    expect(formatDuration(45_400, "en", en)).toBe("45 s");
    expect(formatDuration(12 * MIN + 20_000, "en", en)).toBe("12 min");
    expect(formatDuration(3 * 60 * MIN + 5 * MIN, "en", en)).toBe("3 h 05 min");
    expect(formatDuration(50 * 60 * MIN, "en", en)).toBe("2 d 2 h");
    expect(formatDuration(3 * 60 * MIN + 5 * MIN, "ru", stats.ru.humans.duration)).toBe(
      "3 ч 05 мин",
    );
  });
});

describe("the front desk's headline numbers", () => {
  it("medians as values, p90 and how many were measured as hints; none measured reads as a dash", () => {
    const kpis = humanKpis({ ...totals(3, null), comparison: null }, stats.en, "en");
    expect(kpis.map((k) => k.testId)).toEqual([
      "kpi-takeovers",
      "kpi-escalation-to-takeover",
      "kpi-first-response",
      "kpi-time-to-resolve",
      "kpi-handled",
      "kpi-resolved",
      "kpi-realerts",
    ]);
    const byId = Object.fromEntries(kpis.map((k) => [k.testId, k]));
    expect(byId["kpi-escalation-to-takeover"]).toMatchObject({
      display: "4 min",
      hint: "p90 20 min · 3 measured",
      previous: undefined,
    });
    expect(byId["kpi-first-response"]).toMatchObject({
      value: null,
      display: "—",
      hint: "none measured",
    });
  });

  it("against the period before: a faster first reply is good news, more re-alerts bad", () => {
    const kpis = humanKpis(
      { ...totals(3, 2 * MIN), comparison: { ...totals(1, 6 * MIN), realertsFired: 0 } },
      stats.ru,
      "ru",
    );
    const byId = Object.fromEntries(kpis.map((k) => [k.testId, k]));
    const first = byId["kpi-first-response"]!;
    expect(first.previousDisplay).toBe("6 мин");
    expect(delta(first.value!, first.previous!, first.better).tone).toBe("good");
    const realerts = byId["kpi-realerts"]!;
    expect(delta(realerts.value!, realerts.previous!, realerts.better).tone).toBe("bad");
    expect(byId["kpi-time-to-resolve"]?.previous).toBeNull();
  });
});
