import { platformSchema } from "@agents-crm/config/channels";
import { z } from "zod";
import type { TRPCRouterRecord } from "@trpc/server";
import { channelMetadataSchema } from "@agents-crm/db";
import { bindingsHealth } from "../domain/bindings/binding-health";
import { bindingSecrets } from "../domain/bindings/binding-secrets";
import { toBindingView } from "../domain/bindings/binding-view";
import { createBinding, deleteBinding, updateBinding } from "../domain/bindings/save-binding";
import { verifyBinding } from "../domain/bindings/verify-binding";
import { webhookSetup } from "../domain/bindings/webhook-setup";
import { adminProcedure } from "../trpc";
import { isTwilioBinding, twilioCredentialSources } from "../channels/settings/twilio-credentials";
import { agentIdSchema } from "./agents";
import { idSchema } from "./input-schemas";

const bindingId = idSchema;
const token = z.string().trim().min(1).max(4096);

/** Agent ↔ Instagram account / Telegram bot / WhatsApp number. Tokens go in, never come out. */
export const bindingsRouter = {
  /** Each binding with which of its webhook secrets are missing (presence only, never values). */
  list: adminProcedure.input(z.object({ agentId: agentIdSchema })).query(async ({ ctx, input }) => {
    const bindings = await ctx.deps.repos.channelBindings.listByAgent(input.agentId);
    // An agent has a handful of bindings: one page, active ones first.
    const views = await Promise.all(
      bindings.map(async (binding) => ({
        ...toBindingView(binding),
        webhookSecrets: await bindingSecrets(ctx.deps, binding),
        twilio: isTwilioBinding(binding)
          ? await twilioCredentialSources(ctx.deps.repos, binding)
          : null,
      })),
    );
    const items = views.sort(
      (a, b) => Number(b.isActive) - Number(a.isActive) || a.createdAt.localeCompare(b.createdAt),
    );
    return { items, nextCursor: null };
  }),

  create: adminProcedure
    .input(
      z.object({
        agentId: agentIdSchema,
        channelType: platformSchema,
        /** Telegram: the bot id, taken from the token when omitted. */
        channelAccountId: z.string().trim().min(1).max(100).optional(),
        /** Twilio bindings may leave it out: the channel settings' auth token is used. */
        accessToken: token.optional(),
        /** Meta app secret (webhook signatures); stored encrypted with the token. */
        appSecret: z.string().trim().min(1).max(512).optional(),
        channelUsername: z.string().trim().max(100).optional(),
        metadata: channelMetadataSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createBinding(ctx, input)),

  update: adminProcedure
    .input(
      z.object({
        bindingId,
        isActive: z.boolean().optional(),
        /** Twilio bindings only: a new sender (whatsapp:+E164). */
        channelAccountId: z.string().trim().min(1).max(100).optional(),
        /** Null (Twilio bindings only): use the channel settings' auth token from now on. */
        accessToken: token.nullable().optional(),
        appSecret: z.string().trim().min(1).max(512).optional(),
        channelUsername: z.string().trim().max(100).optional(),
        metadata: channelMetadataSchema.optional(),
        expectedVersion: z.number().int().min(0).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateBinding(ctx, input)),

  delete: adminProcedure
    .input(z.object({ bindingId }))
    .mutation(({ ctx, input }) => deleteBinding(ctx, input.bindingId)),

  /** Telegram: getMe, then setWebhook when APP_URL is set; Meta: the account; Twilio: the account. */
  verify: adminProcedure
    .input(z.object({ bindingId }))
    .mutation(({ ctx, input }) => verifyBinding(ctx, input.bindingId)),

  health: adminProcedure
    .input(z.object({ agentId: agentIdSchema }))
    .query(({ ctx, input }) => bindingsHealth(ctx, input.agentId)),

  /** The public webhook address and which of Meta's settings exist, for the console's connection guide. */
  webhookSetup: adminProcedure.query(({ ctx }) => webhookSetup(ctx.deps)),
} satisfies TRPCRouterRecord;
