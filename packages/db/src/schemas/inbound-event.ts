import { channelSchema } from "@agents-crm/config/channels";
import { z } from "zod";

export const inboundEventStatusSchema = z.enum(["pending", "processing", "done", "dead"]);
export type InboundEventStatus = z.infer<typeof inboundEventStatusSchema>;

export const recordInboundEventInputSchema = z.object({
  /** The item's channel; web chat items are turns whose process may die before they end. */
  platform: channelSchema,
  /** Page / business account / bot id the event was addressed to. */
  scope: z.string().min(1),
  /** Instagram mid, Telegram update_id, WhatsApp message id: the dedupe key within scope. */
  externalId: z.string().min(1),
  /** Events sharing it are handed out one at a time in orderSort order, e.g. `${bindingId}#${userId}`. */
  orderKey: z.string().min(1),
  /** Platform order (timestamp ms or update_id); numbers are zero-padded here, strings must already sort. */
  orderSort: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  payload: z.record(z.string(), z.unknown()),
  receivedAt: z.date().optional(),
  /**
   * Work the recording process starts itself: stored already claimed by `owner` (first attempt), so
   * no worker takes it unless the lease runs out or is released. Such items keep no per-scope stats.
   */
  lease: z.object({ owner: z.string().min(1), leaseMs: z.number().int().positive() }).optional(),
});
export type RecordInboundEventInput = z.input<typeof recordInboundEventInputSchema>;

export const inboundEventSchema = z.object({
  eventKey: z.string(),
  /** The item's channel; web chat items are turns whose process may die before they end. */
  platform: channelSchema,
  scope: z.string(),
  externalId: z.string(),
  orderKey: z.string(),
  orderSort: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: inboundEventStatusSchema,
  attempts: z.number().int(),
  receivedAt: z.string(),
  /** Epoch ms at which the event may next be handed out. */
  dueAt: z.number().int(),
  leaseOwner: z.string().optional(),
  leaseUntil: z.number().int().optional(),
  lastError: z.string().optional(),
  completedAt: z.string().optional(),
  deadAt: z.string().optional(),
  /** Epoch seconds. */
  expiresAt: z.number().int(),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;

export interface BackoffPolicy {
  baseMs: number;
  maxMs?: number;
}
