import { CONVERSATION_STATUSES } from "@agents-crm/config/conversations";
import { CONVERSATION_ROLES } from "@agents-crm/config/messages";
import type { PipelineStage } from "~/features/console/types";
import type { common } from "~/i18n/common-messages";
import { breakdown } from "./breakdown";
import type { BarItem } from "./bar-list";
import type { ColumnSeries } from "./column-chart";
import type { stats } from "./messages";
import type { StatsSeriesPoint, StatsSummary } from "./types";

export const SERIES_COLORS = {
  conversations: "#2f6f5e",
  escalations: "#e0a526",
  messages: "#5b7fa6",
  cost: "#8a6bb0",
} as const;

type StatsWords = (typeof stats)["en"];
type CommonWords = (typeof common)["en"];

const labelFrom = (names: Record<string, string>) => (key: string) => names[key] ?? key;

export interface BarListSpec {
  title: string;
  valueHeader: string;
  testId: string;
  items: BarItem[];
}

/** The breakdowns shown as bar lists: stages in board order, then types, statuses, channels, roles. */
export function breakdownLists(
  data: Pick<StatsSummary, "conversations" | "escalations" | "messages">,
  stages: readonly PipelineStage[],
  t: StatsWords,
  common: CommonWords,
): Record<"stages" | "escalationTypes" | "statuses" | "channels" | "roles", BarListSpec> {
  const stageNames = Object.fromEntries(stages.map((s) => [s.id, s.name]));
  const stageColors = new Map(stages.map((s) => [s.id, s.color]));
  const conversations = (title: string, testId: string, items: BarItem[]) => ({
    title,
    valueHeader: t.series.conversations,
    testId,
    items,
  });
  return {
    stages: conversations(
      t.charts.stages,
      "stats-stages",
      breakdown(
        data.conversations.byStage,
        stages.map((s) => s.id),
        labelFrom(stageNames),
      ).map((item) => ({ ...item, color: stageColors.get(item.key) })),
    ),
    escalationTypes: {
      title: t.charts.escalationTypes,
      valueHeader: t.series.escalations,
      testId: "stats-escalation-types",
      items: breakdown(data.escalations.byType, [], labelFrom(t.escalationTypes)).map((item) => ({
        ...item,
        color: SERIES_COLORS.escalations,
      })),
    },
    statuses: conversations(
      t.charts.statuses,
      "stats-statuses",
      breakdown(data.conversations.byStatus, CONVERSATION_STATUSES, labelFrom(common.statuses)),
    ),
    channels: conversations(
      t.charts.channels,
      "stats-channels",
      breakdown(data.conversations.byChannel, [], labelFrom(common.channels)),
    ),
    roles: {
      title: t.charts.roles,
      valueHeader: t.series.messages,
      testId: "stats-roles",
      items: breakdown(data.messages.byRole, CONVERSATION_ROLES, labelFrom(t.roles)),
    },
  };
}

/** The series of the charts over time: activity (conversations and escalations), messages, cost. */
export function timeSeries(
  points: readonly Pick<
    StatsSeriesPoint,
    "conversations" | "escalations" | "messages" | "costUsd"
  >[],
  t: StatsWords,
): Record<"activity" | "messages" | "cost", ColumnSeries[]> {
  const series = (key: keyof typeof SERIES_COLORS, label: string, values: number[]) => ({
    key,
    label,
    color: SERIES_COLORS[key],
    values,
  });
  return {
    activity: [
      series(
        "conversations",
        t.series.conversations,
        points.map((p) => p.conversations),
      ),
      series(
        "escalations",
        t.series.escalations,
        points.map((p) => p.escalations),
      ),
    ],
    messages: [
      series(
        "messages",
        t.series.messages,
        points.map((p) => p.messages),
      ),
    ],
    cost: [
      series(
        "cost",
        t.series.costUsd,
        points.map((p) => p.costUsd),
      ),
    ],
  };
}
