import { bindingErrorReasonSchema } from "@agents-crm/config/binding-errors";
import { channelSchema } from "@agents-crm/config/channels";
import { z } from "zod";

export const SECRET_LOOKING_KEY = /token|secret|password|passwd|api_?key|private_?key/i;

/** Non-secret metadata only: keys that look like credentials are refused (the reference leaked app_secret here). */
export const channelMetadataSchema = z
  .record(z.string(), z.unknown())
  .refine((metadata) => Object.keys(metadata).every((key) => !SECRET_LOOKING_KEY.test(key)), {
    message:
      "metadata must not hold secrets (token/secret/password keys); pass them as secretMetadata",
  });

export const channelBindingSchema = z.object({
  bindingId: z.string(),
  agentId: z.string(),
  channelType: channelSchema,
  channelAccountId: z.string(),
  channelUsername: z.string().optional(),
  secretName: z.string(),
  webhookSecretName: z.string().optional(),
  isActive: z.boolean(),
  isVerified: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
  lastError: z.string().optional(),
  lastErrorAt: z.string().optional(),
  /** Why, for the console to say in its language (rows from before it, or unknown shapes, have none). */
  lastErrorReason: bindingErrorReasonSchema.optional().catch(undefined),
  /** When the access token stops working, as far as the platform told us (Instagram: refreshes). */
  tokenExpiresAt: z.string().optional(),
  tokenRefreshedAt: z.string().optional(),
  /** The token could not be refreshed, or the platform revoked it (Graph error 190). */
  tokenProblem: z
    .object({ kind: z.enum(["refresh_failed", "revoked"]), message: z.string(), at: z.string() })
    .optional(),
  /** Rows written by the reference have no version: they read as 0. */
  version: z.number().int().default(0),
});
export type ChannelBinding = z.infer<typeof channelBindingSchema>;

export const createChannelBindingInputSchema = z.object({
  bindingId: z.string().min(1).optional(),
  agentId: z.string().min(1),
  channelType: channelSchema,
  channelAccountId: z.string().min(1),
  channelUsername: z.string().optional(),
  /** Left out only by bindings whose credentials come from elsewhere (Twilio's Channel settings). */
  accessToken: z.string().min(1).optional(),
  /** Secret companions of the token (e.g. Meta app_secret); stored encrypted next to it. */
  secretMetadata: z.record(z.string(), z.unknown()).optional(),
  /** Shared secret the platform echoes on webhooks (Telegram secret_token). */
  webhookSecret: z.string().min(1).optional(),
  metadata: channelMetadataSchema.optional(),
  isActive: z.boolean().optional(),
  createdBy: z.string().optional(),
});
export type CreateChannelBindingInput = z.input<typeof createChannelBindingInputSchema>;

export const updateChannelBindingInputSchema = z.object({
  isActive: z.boolean().optional(),
  isVerified: z.boolean().optional(),
  channelUsername: z.string().optional(),
  /** The platform account; only a Twilio binding's sender is ever changed. */
  channelAccountId: z.string().min(1).optional(),
  metadata: channelMetadataSchema.optional(),
  /** A new token; null removes the binding's own (its credentials then come from elsewhere). */
  accessToken: z.string().min(1).nullable().optional(),
  secretMetadata: z.record(z.string(), z.unknown()).optional(),
  webhookSecret: z.string().min(1).optional(),
  expectedVersion: z.number().int().optional(),
});
export type UpdateChannelBindingInput = z.input<typeof updateChannelBindingInputSchema>;
