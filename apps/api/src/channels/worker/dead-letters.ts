import { NotFoundError, type InboundEvent as InboxItem } from "@agents-crm/db";
import type { StaffContext } from "../../domain/conversations/staff-context";
import { recordAudit } from "../../domain/audit";
import { webTurnJobSchema } from "../../domain/turns/web-turn-job";
import { deliveryJobSchema } from "../delivery/delivery-job";
import { inboundEventSchema } from "../inbound-event";
import { mediaJobSchema } from "./media/media-job";
import { conflict, preconditionFailed } from "../../domain/errors";

/** What the console shows of a dead letter: where it came from and why it failed, not the message text. */
export function deadLetterView(item: InboxItem) {
  const delivery = deliveryJobSchema.safeParse(item.payload);
  const media = delivery.success ? null : mediaJobSchema.safeParse(item.payload);
  const mediaJob = media?.success ? media.data : null;
  const inbound = delivery.success || mediaJob ? null : inboundEventSchema.safeParse(item.payload);
  const event = inbound?.success ? inbound.data : null;
  return {
    eventKey: item.eventKey,
    platform: item.platform,
    type: delivery.success
      ? ("delivery" as const)
      : mediaJob
        ? ("media" as const)
        : ("inbound" as const),
    status: item.status,
    attempts: item.attempts,
    lastError: item.lastError ?? null,
    receivedAt: item.receivedAt,
    deadAt: item.deadAt ?? null,
    delivery: delivery.success
      ? {
          conversationId: delivery.data.conversationId,
          messageId: delivery.data.messageId,
          bindingId: delivery.data.bindingId ?? null,
          agentId: delivery.data.agentId ?? null,
        }
      : null,
    // A customer's files that could not be downloaded: which ones (the error is lastError).
    media: mediaJob
      ? {
          conversationId: mediaJob.conversationId,
          messageId: mediaJob.messageId,
          bindingId: mediaJob.bindingId,
          agentId: mediaJob.agentId,
          files: mediaJob.files.map((file) => ({
            fileId: file.fileId,
            kind: file.kind,
            ...(file.name === undefined ? {} : { name: file.name }),
            ...(file.mimeType === undefined ? {} : { mimeType: file.mimeType }),
          })),
        }
      : null,
    event: event
      ? {
          bindingId: event.bindingId,
          agentId: event.agentId,
          accountId: event.accountId,
          externalUserId: event.externalUserId,
          externalMessageId: event.externalMessageId,
          kind: event.kind,
          timestamp: event.timestamp,
        }
      : null,
  };
}

/**
 * Whether a dead letter belongs to one of the agent's channels: inbound events and web-chat turns name
 * their agent; a delivery job names it (or, if queued before jobs carried it, the binding it was to go
 * out through).
 */
export function deadLetterOfAgent(agentId: string, bindingIds: ReadonlySet<string>) {
  return (item: InboxItem): boolean => {
    const webTurn = webTurnJobSchema.safeParse(item.payload);
    if (webTurn.success) return webTurn.data.agentId === agentId;
    const media = mediaJobSchema.safeParse(item.payload);
    if (media.success) return media.data.agentId === agentId;
    const delivery = deliveryJobSchema.safeParse(item.payload);
    if (delivery.success) {
      const { agentId: owner, bindingId } = delivery.data;
      return owner === agentId || (bindingId !== undefined && bindingIds.has(bindingId));
    }
    const inbound = inboundEventSchema.safeParse(item.payload);
    return inbound.success && inbound.data.agentId === agentId;
  };
}

/**
 * Puts a dead letter back in the queue (attempts reset). A delivery job's message goes back to pending
 * first, so the job sends it instead of finding it already failed.
 */
export async function replayDeadLetter(ctx: StaffContext, eventKey: string) {
  const { repos, inboxSignal } = ctx.deps;
  const item = await repos.inboundEvents.get(eventKey);
  if (!item) throw new NotFoundError("inbox event", eventKey);
  if (item.status !== "dead") {
    throw preconditionFailed(`Only dead letters can be replayed (this one is ${item.status})`);
  }
  const delivery = deliveryJobSchema.safeParse(item.payload);
  if (delivery.success) {
    const { conversationId, messageId } = delivery.data;
    try {
      await repos.messages.updateDelivery(conversationId, messageId, { status: "pending" });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  if (!(await repos.inboundEvents.replay(eventKey))) {
    throw conflict("The event changed meanwhile; reload");
  }
  await recordAudit(ctx, {
    action: "replay_inbound_event",
    resourceType: "inbound_event",
    resourceId: eventKey,
    oldValue: { status: "dead", attempts: item.attempts, lastError: item.lastError ?? null },
    newValue: { status: "pending" },
  });
  inboxSignal.notify();
  const replayed = await repos.inboundEvents.get(eventKey);
  return deadLetterView(replayed ?? item);
}
