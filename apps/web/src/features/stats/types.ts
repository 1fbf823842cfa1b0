import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";

export type StatsSummary = inferRouterOutputs<AppRouter>["stats"]["summary"];
export type StatsPeriod = StatsSummary["period"];
export type StatsSeriesPoint = StatsSummary["series"]["points"][number];
export type StatsSummaryInput = NonNullable<inferRouterInputs<AppRouter>["stats"]["summary"]>;
export type StatsHumans = inferRouterOutputs<AppRouter>["stats"]["humans"];
export type HumanDurations = NonNullable<StatsHumans["firstResponseMs"]>;
