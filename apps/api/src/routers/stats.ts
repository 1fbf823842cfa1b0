import type { TRPCRouterRecord } from "@trpc/server";
import { statsHumans } from "../domain/stats/stats-humans";
import { statsSummary, statsSummaryInputSchema } from "../domain/stats/stats-summary";
import { authedProcedure } from "../trpc";

export const statsRouter = {
  /** Conversations, escalations, messages and LLM cost/latency for a period in the viewer's time zone. */
  summary: authedProcedure
    .input(statsSummaryInputSchema.default({ period: "today", compare: false, timezone: "UTC" }))
    .query(({ ctx, input }) => statsSummary(ctx.deps, input, new Date())),
  /** The human side of the same period: take-overs, first responses, resolves, re-alerts, per staff member. */
  humans: authedProcedure
    .input(statsSummaryInputSchema.default({ period: "today", compare: false, timezone: "UTC" }))
    .query(({ ctx, input }) => statsHumans(ctx.deps, input, new Date())),
} satisfies TRPCRouterRecord;
