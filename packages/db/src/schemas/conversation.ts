import { conversationStatusSchema } from "@agents-crm/config/conversations";
import { handoffSummarySchema } from "@agents-crm/config/handoff-summary";
import { z } from "zod";
import { channelSchema } from "@agents-crm/config/channels";

export const conversationSchema = z.object({
  conversationId: z.string(),
  agentId: z.string(),
  channel: channelSchema,
  status: conversationStatusSchema,
  /** CRM pipeline stage id; mirrored into the reference's `marketing_status` attribute. */
  stage: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastActivityAt: z.string(),
  version: z.number().int(),
  externalUserId: z.string().optional(),
  externalConversationId: z.string().optional(),
  /** sha256 of the web chat visitor's token: the token itself is never stored. */
  webTokenHash: z.string().optional(),
  handoffReason: z.string().optional(),
  escalationType: z.string().optional(),
  /** The staff lines about the latest escalation; unreadable (older products' rows) reads as absent. */
  handoffSummary: handoffSummarySchema.optional().catch(undefined),
  requestType: z.string().optional(),
  needsHumanSince: z.string().optional(),
  closedAt: z.string().optional(),
  /** When staff last resolved it; kept when a customer message reopens it (time to resolve). */
  resolvedAt: z.string().optional(),
  /** While in the future, a NEEDS_HUMAN conversation is out of the queue, its counts and re-alerts. */
  snoozedUntil: z.string().optional(),
  rejectionReason: z.string().optional(),
  lastMessagePreview: z.string().optional(),
  /** When the customer last wrote, and what: staff, notes and the agent never change these. */
  lastCustomerMessageAt: z.string().optional(),
  lastCustomerMessagePreview: z.string().optional(),
  /** The staff user handling it (taken over or assigned); absent while unassigned. */
  assigneeId: z.string().optional(),
  /** The contact (person) this conversation belongs to; set when it is created. */
  contactId: z.string().optional(),
  /** Epoch seconds; absent when MESSAGE_TTL_HOURS is 0. */
  expiresAt: z.number().optional(),
  /** Staff labels (normalised by the API: lower-case, trimmed, unique); absent reads as none. */
  labels: z.array(z.string()).optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const createConversationInputSchema = z.object({
  agentId: z.string().min(1),
  channel: channelSchema,
  externalUserId: z.string().optional(),
  externalConversationId: z.string().optional(),
  webTokenHash: z.string().optional(),
  contactId: z.string().optional(),
  status: conversationStatusSchema.optional(),
  stage: z.string().min(1).optional(),
});
export type CreateConversationInput = z.infer<typeof createConversationInputSchema>;

/** Fields `update` may change; `null` clears an optional field. */
export const conversationPatchSchema = z
  .object({
    status: conversationStatusSchema,
    stage: z.string().min(1),
    handoffReason: z.string().nullable(),
    escalationType: z.string().nullable(),
    handoffSummary: handoffSummarySchema.nullable(),
    requestType: z.string().nullable(),
    needsHumanSince: z.string().nullable(),
    closedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    snoozedUntil: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    lastMessagePreview: z.string().nullable(),
    externalConversationId: z.string().nullable(),
    webTokenHash: z.string().nullable(),
    assigneeId: z.string().nullable(),
    labels: z.array(z.string()),
    contactId: z.string().nullable(),
  })
  .partial();
export type ConversationPatch = z.infer<typeof conversationPatchSchema>;
