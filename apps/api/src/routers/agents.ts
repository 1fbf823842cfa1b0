import { z } from "zod";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { AGENT_ID_PATTERN, MAX_AGENT_ID } from "@agents-crm/config/agent-config";
import { channelSchema } from "@agents-crm/config/channels";
import {
  MAX_KNOWLEDGE_DOCUMENT_BASE64,
  MAX_KNOWLEDGE_DOCUMENT_BYTES,
} from "@agents-crm/config/knowledge-upload";
import { PLAYGROUND_MAX_MESSAGE, playgroundHistorySchema } from "@agents-crm/config/playground";
import {
  AGENT_BODY_LIMIT_BYTES,
  DOCUMENT_BODY_LIMIT_BYTES,
  formatBytes,
  MAX_AGENT_IMPORT_CHARS,
} from "@agents-crm/config/request-limits";
import { activateAgent, deactivateAgent } from "../domain/agents/agent-lifecycle";
import { agentDetails } from "../domain/agents/agent-details";
import { toAgentListItem } from "../domain/agents/agent-views";
import { cloneAgent } from "../domain/agents/clone-agent";
import { extractKnowledgeDocument } from "../domain/agents/extract-document";
import { importAgent } from "../domain/agents/import-agent";
import { runPlayground } from "../domain/agents/playground";
import { createAgent, updateAgent } from "../domain/agents/save-agent";
import { adminProcedure, authedProcedure, publicProcedure } from "../trpc";
import { toAgentCard } from "../domain/agents/agent-card";

export const agentIdSchema = z
  .string()
  .regex(AGENT_ID_PATTERN, `must be 1-${MAX_AGENT_ID} letters, digits, '_' or '-'`);
const configSchema = z.record(z.string(), z.unknown());
const pageInput = {
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
};

export const agentsRouter = {
  /** Public: the cards of active agents for the landing page and chat header. */
  cards: publicProcedure
    .input(z.object(pageInput).default({ limit: 50 }))
    .query(async ({ ctx, input }) => {
      const page = await ctx.deps.repos.agents.list({
        activeOnly: true,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
      return {
        items: page.items.map((agent) => toAgentCard(agent.agentId, agent.config)),
        nextCursor: page.nextCursor,
      };
    }),

  /** Public: one active agent's card (the chat page's header); an inactive or unknown one is NOT_FOUND. */
  card: publicProcedure
    .input(z.object({ agentId: agentIdSchema }))
    .query(async ({ ctx, input }) => {
      const agent = await ctx.deps.repos.agents.get(input.agentId);
      // The same answer for both, so the public API does not tell deactivated agents from unknown ones.
      if (!agent?.isActive) {
        throw new TRPCError({
          code: "NOT_FOUND",
          message: `Agent ${input.agentId} is not available`,
        });
      }
      return toAgentCard(agent.agentId, agent.config);
    }),

  /** Staff: operators get summaries (to filter conversations), owners and admins the documents too. */
  list: authedProcedure
    .input(z.object({ activeOnly: z.boolean().optional(), ...pageInput }).default({ limit: 50 }))
    .query(async ({ ctx, input }) => {
      const page = await ctx.deps.repos.agents.list({
        activeOnly: input.activeOnly,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
      return {
        items: page.items.map((agent) => toAgentListItem(agent, ctx.principal)),
        nextCursor: page.nextCursor,
      };
    }),

  byId: adminProcedure
    .input(z.object({ agentId: agentIdSchema }))
    .query(({ ctx, input }) => agentDetails(ctx, input.agentId)),

  create: adminProcedure
    .meta({ maxBodyBytes: AGENT_BODY_LIMIT_BYTES })
    .input(z.object({ agentId: agentIdSchema, config: configSchema }))
    .mutation(({ ctx, input }) => createAgent(ctx, input)),

  /** `config` is merged over the stored document (null removes a field). */
  update: adminProcedure
    .meta({ maxBodyBytes: AGENT_BODY_LIMIT_BYTES })
    .input(
      z.object({
        agentId: agentIdSchema,
        config: configSchema,
        expectedVersion: z.number().int().min(0).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateAgent(ctx, input)),

  /** A YAML or JSON agent document; an existing agent is replaced only with `overwrite`. */
  import: adminProcedure
    .meta({ maxBodyBytes: AGENT_BODY_LIMIT_BYTES })
    .input(
      z.object({
        text: z.string().min(1).max(MAX_AGENT_IMPORT_CHARS),
        agentId: agentIdSchema.optional(),
        overwrite: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => importAgent(ctx, input)),

  /** Deactivates (the record and conversations are kept); `activate` undoes it. */
  delete: adminProcedure
    .input(z.object({ agentId: agentIdSchema }))
    .mutation(({ ctx, input }) => deactivateAgent(ctx, input.agentId)),

  activate: adminProcedure
    .input(z.object({ agentId: agentIdSchema }))
    .mutation(({ ctx, input }) => activateAgent(ctx, input.agentId)),

  clone: adminProcedure
    .input(z.object({ agentId: agentIdSchema, newAgentId: agentIdSchema }))
    .mutation(({ ctx, input }) => cloneAgent(ctx, input)),

  /** Text of an uploaded knowledge document (.txt, .md, .json, .pdf); nothing is stored. */
  extractDocument: adminProcedure
    .meta({ maxBodyBytes: DOCUMENT_BODY_LIMIT_BYTES })
    .input(
      z.object({
        filename: z.string().trim().min(1).max(255),
        mimeType: z.string().max(255).optional(),
        dataBase64: z
          .base64("must be base64")
          .max(
            MAX_KNOWLEDGE_DOCUMENT_BASE64,
            `is larger than ${formatBytes(MAX_KNOWLEDGE_DOCUMENT_BYTES)}`,
          )
          .min(1),
      }),
    )
    .mutation(({ input }) => extractKnowledgeDocument(input)),

  /**
   * One real turn of a draft agent (possibly unsaved) for the playground; nothing is stored. Not audited:
   * it changes nothing, and the audit log records changes (requests are rate limited per IP).
   */
  playground: adminProcedure
    .meta({ maxBodyBytes: AGENT_BODY_LIMIT_BYTES })
    .input(
      z.object({
        agentId: agentIdSchema.optional(),
        config: configSchema,
        history: playgroundHistorySchema.default([]),
        message: z.string().trim().min(1).max(PLAYGROUND_MAX_MESSAGE),
        channel: channelSchema.default("web_chat"),
      }),
    )
    .mutation(({ ctx, input }) => runPlayground(ctx, input)),
} satisfies TRPCRouterRecord;
