import { z } from "zod";
import type { Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

/**
 * Outbound messages (agent replies and staff replies on Instagram, Telegram, WhatsApp) go through the
 * same durable inbox as inbound events: leased, retried with back-off, dead-lettered, replayable, and
 * picked up again after a crash. The job names the stored message; the message's delivery status says
 * what is left to do, so a job that runs twice never sends twice what was recorded as sent.
 */
export const deliveryJobSchema = z.object({
  job: z.literal("deliver"),
  conversationId: z.string().min(1),
  messageId: z.string().min(1),
  /** The binding the answered message came through (else the one the customer last wrote to). */
  bindingId: z.string().min(1).optional(),
  /** So the console can list an agent's dead letters (jobs queued before it was written lack it). */
  agentId: z.string().min(1).optional(),
});
export type DeliveryJob = z.infer<typeof deliveryJobSchema>;

/** Not a platform account: outbound jobs stay out of the per-account "last inbound event" stats. */
export const OUTBOX_SCOPE = "outbox";

export const deliveryOrderKey = (conversationId: string) => `outbox#${conversationId}`;

/** The inbox key of a message's delivery job. */
export const deliveryEventKey = (message: Pick<Message, "channel" | "messageId">) =>
  `${message.channel}#${OUTBOX_SCOPE}#${message.messageId}`;

/**
 * Queues a stored message for delivery; false when it is web chat or already queued (the conditional
 * write dedupes by message id, so every caller may enqueue whenever in doubt). One conversation's
 * deliveries run one at a time in message order (message ids are ULIDs).
 */
export async function enqueueDelivery(
  deps: Pick<ApiDeps, "repos" | "inboxSignal">,
  message: Pick<Message, "channel" | "conversationId" | "messageId" | "agentId">,
  options: { bindingId?: string } = {},
): Promise<boolean> {
  if (message.channel === "web_chat") return false;
  const job: DeliveryJob = {
    job: "deliver",
    conversationId: message.conversationId,
    messageId: message.messageId,
    agentId: message.agentId,
    ...(options.bindingId ? { bindingId: options.bindingId } : {}),
  };
  const { created } = await deps.repos.inboundEvents.record({
    platform: message.channel,
    scope: OUTBOX_SCOPE,
    externalId: message.messageId,
    orderKey: deliveryOrderKey(message.conversationId),
    orderSort: message.messageId,
    payload: job,
  });
  if (created) deps.inboxSignal.notify();
  return created;
}
