import { z } from "zod";

/** The stats page's windows, in the order it offers them. */
export const STATS_PERIODS = ["today", "last_7_days", "last_30_days"] as const;
export const statsPeriodSchema = z.enum(STATS_PERIODS);
export type StatsPeriod = z.infer<typeof statsPeriodSchema>;
