import { bindingReasonOf } from "@agents-crm/config/binding-errors";
import {
  NotFoundError,
  type Conversation,
  type DeliveryUpdate,
  type Message,
} from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { publishAdmin } from "../../domain/conversations/events";
import { conversationView } from "../../domain/conversations/views";

/** Platform message ids of a message's parts, in order (a long reply goes out as several messages). */
export const sentPartIds = (message: Pick<Message, "externalMessageId">): string[] =>
  message.externalMessageId ? message.externalMessageId.split(",") : [];

/**
 * Records a delivery outcome on the message and tells the consoles (`message.updated`); a failure is
 * also the binding's last error, shown in channel health. Null when the message expired meanwhile.
 */
export async function recordDelivery(
  deps: Pick<ApiDeps, "repos" | "hub" | "metrics">,
  conversation: Conversation,
  message: Message,
  update: DeliveryUpdate & { bindingId?: string },
): Promise<Message | null> {
  const { bindingId, ...delivery } = update;
  let updated: Message;
  try {
    updated = await deps.repos.messages.updateDelivery(
      conversation.conversationId,
      message.messageId,
      delivery,
    );
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  if (delivery.status === "sent" || delivery.status === "failed") {
    deps.metrics.deliveries.inc({ channel: conversation.channel, outcome: delivery.status });
  }
  if (delivery.status === "failed" && bindingId && delivery.error) {
    try {
      await deps.repos.channelBindings.recordError(
        bindingId,
        delivery.error,
        bindingReasonOf(delivery.failure) ?? undefined,
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  await publishAdmin(deps.hub, {
    type: "message.updated",
    payload: { conversation: conversationView(conversation), message: updated },
  });
  return updated;
}
