import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { deadLetterView, replayDeadLetter } from "../channels/worker/dead-letters";
import { adminProcedure } from "../trpc";

/** The channel inbox's dead letters: events and deliveries that kept failing, and their replay. */
export const inboxRouter = {
  /** Newest first. */
  listDead: adminProcedure
    .input(
      z
        .object({
          cursor: z.string().nullish(),
          limit: z.number().int().min(1).max(100).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await ctx.deps.repos.inboundEvents.listDead({
        cursor: input.cursor,
        limit: input.limit,
      });
      return { items: page.items.map(deadLetterView), nextCursor: page.nextCursor };
    }),

  replay: adminProcedure
    .input(z.object({ eventKey: z.string().trim().min(1).max(1024) }))
    .mutation(({ ctx, input }) => replayDeadLetter(ctx, input.eventKey)),
} satisfies TRPCRouterRecord;
