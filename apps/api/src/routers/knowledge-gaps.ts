import type { TRPCRouterRecord } from "@trpc/server";
import { MAX_GAP_PAGE } from "@agents-crm/config/knowledge-gaps";
import { z } from "zod";
import { dismissKnowledgeGap } from "../domain/knowledge-gaps/dismiss-gap";
import { adminProcedure } from "../trpc";
import { agentIdSchema } from "./agents";
import { idSchema } from "./input-schemas";

/**
 * Questions an agent could not answer from its knowledge, grouped. Owners and admins: the way to close a
 * gap is editing the agent's knowledge, which is theirs.
 */
export const knowledgeGapsRouter = {
  list: adminProcedure
    .input(
      z.object({
        agentId: agentIdSchema,
        cursor: z.string().nullish(),
        limit: z.number().int().min(1).max(MAX_GAP_PAGE).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const page = await ctx.deps.repos.knowledgeGaps.list(input.agentId, input);
      return {
        items: page.items.map(({ version: _version, ...gap }) => gap),
        nextCursor: page.nextCursor,
      };
    }),

  dismiss: adminProcedure
    .input(z.object({ agentId: agentIdSchema, groupId: idSchema }))
    .mutation(({ ctx, input }) => dismissKnowledgeGap(ctx, input)),
} satisfies TRPCRouterRecord;
