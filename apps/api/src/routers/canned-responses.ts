import type { TRPCRouterRecord } from "@trpc/server";
import {
  MAX_CANNED_PAGE,
  MAX_CANNED_SEARCH,
  cannedContentSchema,
  cannedLanguageSchema,
  cannedSortSchema,
  shortcutSchema,
} from "@agents-crm/config/canned-responses";
import { z } from "zod";
import {
  createCannedResponse,
  deleteCannedResponse,
  recordCannedResponseUse,
  updateCannedResponse,
} from "../domain/canned-responses/save-canned-response";
import { adminProcedure, authedProcedure } from "../trpc";
import { agentIdSchema } from "./agents";
import { idSchema } from "./input-schemas";

/**
 * Saved replies staff insert with `/shortcut`. Everyone lists and uses them; owners and admins manage
 * them (they speak for the clinic).
 */
export const cannedResponsesRouter = {
  list: authedProcedure
    .input(
      z
        .object({
          sort: cannedSortSchema.default("use"),
          /** Responses usable with this agent: its own and those for every agent. */
          agentId: agentIdSchema.optional(),
          /** Responses in this language and those for every language. */
          language: cannedLanguageSchema.optional(),
          search: z.string().trim().max(MAX_CANNED_SEARCH).optional(),
          cursor: z.string().nullish(),
          limit: z.number().int().min(1).max(MAX_CANNED_PAGE).default(50),
        })
        .default({ sort: "use", limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await ctx.deps.repos.cannedResponses.list(input);
      return { items: page.items, nextCursor: page.nextCursor };
    }),

  create: adminProcedure
    .input(
      z.object({
        shortcut: shortcutSchema,
        content: cannedContentSchema,
        agentId: agentIdSchema.optional(),
        language: cannedLanguageSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createCannedResponse(ctx, input)),

  update: adminProcedure
    .input(
      z.object({
        responseId: idSchema,
        shortcut: shortcutSchema.optional(),
        content: cannedContentSchema.optional(),
        /** null: for every agent / every language. */
        agentId: agentIdSchema.nullish(),
        language: cannedLanguageSchema.nullish(),
        expectedVersion: z.number().int().min(0).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateCannedResponse(ctx, input)),

  delete: adminProcedure
    .input(z.object({ responseId: idSchema }))
    .mutation(({ ctx, input }) => deleteCannedResponse(ctx, input.responseId)),

  /** Counts one use: the console calls it when a reply that used the response is sent. */
  recordUse: authedProcedure
    .input(z.object({ responseId: idSchema }))
    .mutation(({ ctx, input }) => recordCannedResponseUse(ctx, input.responseId)),
} satisfies TRPCRouterRecord;
