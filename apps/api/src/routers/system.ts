import { tracked } from "@trpc/server";
import { setInterval as every } from "node:timers/promises";
import { z } from "zod";
import { providerProblems } from "@agents-crm/ai";
import type { TRPCRouterRecord } from "@trpc/server";
import { adminProcedure, publicProcedure } from "../trpc";
import { checkDatabase } from "../server/health";
import { processMetrics } from "../server/process-metrics";

export const systemRouter = {
  /** What /health reports, for clients already speaking tRPC. */
  health: publicProcedure.query(async ({ ctx }) => {
    const database = await checkDatabase(ctx.deps);
    return {
      status: database.ok ? ("healthy" as const) : ("unhealthy" as const),
      version: ctx.deps.env.APP_VERSION,
      environment: ctx.deps.env.ENVIRONMENT,
      database: database.ok ? ("reachable" as const) : ("unreachable" as const),
      // Shown wherever the UI names the model, so nobody mistakes the offline demo for a real LLM.
      model: { label: ctx.deps.llm.label, offline: ctx.deps.llm.offline },
      // The sign-in page offers "e-mail me a code" only when an SMTP server is configured.
      signIn: { emailCode: ctx.deps.mailer !== null },
      uptimeSeconds: Math.round((Date.now() - ctx.deps.startedAt.getTime()) / 1000),
    };
  }),

  /** Memory and event-loop delay of this process (one replica), for operators and the soak bench. */
  metrics: adminProcedure.query(({ ctx }) => processMetrics(ctx.deps.startedAt)),

  /**
   * Problems the model server showed (unknown model with the models it lists, no moderation, no
   * json_schema, no usage), each with its fix; newest first. Kept in this replica's memory: each replica
   * reports what its own calls met since it started.
   */
  modelProblems: adminProcedure.query(({ ctx }) =>
    ctx.deps.llm.offline ? [] : providerProblems(),
  ),

  /**
   * A heartbeat the UI uses to show that its live connection works. Ids are the emit time, so a
   * resumed subscription continues the sequence instead of restarting it.
   */
  onStatus: publicProcedure
    .input(
      z
        .object({
          // What a subscription costs is what it streams: once a second is plenty to show a link is up.
          intervalMs: z.number().int().min(1_000).max(60_000).default(5_000),
          lastEventId: z.string().nullish(),
        })
        .default({ intervalMs: 5_000 }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const status = () => ({
        serverTime: new Date(),
        version: ctx.deps.env.APP_VERSION,
        uptimeSeconds: Math.round((Date.now() - ctx.deps.startedAt.getTime()) / 1000),
      });
      yield tracked(String(Date.now()), status());
      for await (const _ of every(input.intervalMs, undefined, { signal })) {
        yield tracked(String(Date.now()), status());
      }
    }),
} satisfies TRPCRouterRecord;
