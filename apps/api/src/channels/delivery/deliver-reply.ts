import type { Message } from "@agents-crm/db";
import type { Logger } from "../../logger";
import { deliverMessage, type DeliveryDeps, type DeliveryRuntime } from "./deliver-message";
import { deliveryEventKey, enqueueDelivery } from "./delivery-job";
import type { ApiDeps } from "../../deps";

/**
 * An agent reply goes out at once, from the job that wrote it: queued behind the inbox's backlog it
 * would wait for every event that arrived before it. Only when this first try cannot finish (a
 * platform error worth retrying, or no time left in the job's lease) does the reply become a delivery
 * job of its own, retried with back-off. A reply that already has a job is left to it, so the two never
 * send the same message at once.
 */
export async function deliverReplyNow(
  deps: DeliveryDeps & Pick<ApiDeps, "inboxSignal">,
  runtime: DeliveryRuntime,
  log: Logger,
  reply: Message,
  options: { bindingId?: string; deadline: number },
): Promise<void> {
  if (reply.channel === "web_chat" || reply.deliveryStatus !== "pending") return;
  if (await deps.repos.inboundEvents.get(deliveryEventKey(reply))) return;
  const job = {
    job: "deliver" as const,
    conversationId: reply.conversationId,
    messageId: reply.messageId,
    ...(options.bindingId ? { bindingId: options.bindingId } : {}),
  };
  try {
    await deliverMessage(deps, runtime, job, { deadline: options.deadline });
  } catch (error) {
    log.warn("reply not delivered at once; queued for retries", {
      messageId: reply.messageId,
      error,
    });
    await enqueueDelivery(deps, reply, { bindingId: options.bindingId });
  }
}
