import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  deadLetterOfAgent,
  deadLetterView,
  replayDeadLetter,
} from "../channels/worker/dead-letters";
import { adminProcedure } from "../trpc";
import { agentIdSchema } from "./agents";
import { idSchema } from "./input-schemas";

/** The channel inbox's dead letters: events and deliveries that kept failing, and their replay. */
export const inboxRouter = {
  /** Newest first; with `agentId`, only those of that agent's channels. */
  listDead: adminProcedure
    .input(
      z
        .object({
          agentId: agentIdSchema.optional(),
          cursor: z.string().nullish(),
          limit: z.number().int().min(1).max(100).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const { repos } = ctx.deps;
      const where = input.agentId
        ? deadLetterOfAgent(
            input.agentId,
            new Set(
              (await repos.channelBindings.listByAgent(input.agentId)).map((b) => b.bindingId),
            ),
          )
        : undefined;
      const page = await repos.inboundEvents.listDead({
        cursor: input.cursor,
        limit: input.limit,
        where,
      });
      return { items: page.items.map(deadLetterView), nextCursor: page.nextCursor };
    }),

  replay: adminProcedure
    .input(z.object({ eventKey: idSchema }))
    .mutation(({ ctx, input }) => replayDeadLetter(ctx, input.eventKey)),
} satisfies TRPCRouterRecord;
