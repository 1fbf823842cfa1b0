import { z } from "zod";
import type { TRPCRouterRecord } from "@trpc/server";
import { STAGE_ID_PATTERN } from "@agents-crm/config/pipeline";
import { loadPipeline } from "../domain/stages/pipeline-stages";
import { stagesInputSchema, updateStages } from "../domain/stages/update-stages";
import { adminProcedure, authedProcedure } from "../trpc";

/** The CRM pipeline: staff read it, owners and admins rename, add, reorder and colour its stages. */
export const stagesRouter = {
  list: authedProcedure.query(async ({ ctx }) => {
    const pipeline = await loadPipeline(ctx.deps.repos);
    return { items: pipeline.stages, nextCursor: null, version: pipeline.version };
  }),

  update: adminProcedure
    .input(
      z.object({
        stages: stagesInputSchema,
        expectedVersion: z.number().int().min(0).optional(),
        moveTo: z
          .record(z.string().regex(STAGE_ID_PATTERN), z.string().regex(STAGE_ID_PATTERN))
          .optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const pipeline = await updateStages(ctx, input);
      return { items: pipeline.stages, nextCursor: null, version: pipeline.version };
    }),
} satisfies TRPCRouterRecord;
