import { describe, expect, it } from "vitest";
import { common } from "~/i18n/common-messages";
import { breakdownLists, SERIES_COLORS, timeSeries } from "./chart-specs";
import { stats } from "./messages";

const data = {
  conversations: {
    total: 3,
    active: 3,
    byStatus: { CLOSED: 1, AI_ACTIVE: 2 },
    byStage: { gone: 1, NEW: 2 },
    byChannel: { telegram: 3 },
  },
  escalations: { total: 1, byType: { keyword: 1 } },
  messages: { total: 5, byRole: { user: 3, agent: 2 } },
};

describe("the stats page's breakdowns", () => {
  it("list stages in board order with their colours, then stages removed since", () => {
    const lists = breakdownLists(
      data,
      [
        {
          id: "NEW",
          name: "New",
          color: "#123456",
          position: 0,
          requiresReason: false,
          final: false,
          isDefault: true,
        },
      ],
      stats.en,
      common.en,
    );
    expect(lists.stages.items).toEqual([
      { key: "NEW", label: "New", value: 2, color: "#123456" },
      { key: "gone", label: "gone", value: 1, color: undefined },
    ]);
    expect(lists.stages.testId).toBe("stats-stages");
    expect(lists.escalationTypes.items[0]?.color).toBe(SERIES_COLORS.escalations);
    expect(lists.statuses.items.map((i) => i.key)).toEqual([
      "NEEDS_HUMAN",
      "HUMAN_ACTIVE",
      "AI_ACTIVE",
      "RESOLVED",
      "CLOSED",
    ]);
    expect(lists.roles.valueHeader).toBe(stats.en.series.messages);
  });

  it("give each chart over time its series", () => {
    const points = [{ conversations: 1, escalations: 0, messages: 4, costUsd: 0.1 }];
    const series = timeSeries(points, stats.en);
    expect(series.activity.map((s) => [s.key, s.values])).toEqual([
      ["conversations", [1]],
      ["escalations", [0]],
    ]);
    expect(series.cost[0]?.values).toEqual([0.1]);
  });
});
