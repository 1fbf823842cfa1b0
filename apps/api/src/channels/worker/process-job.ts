import type { InboundEvent as InboxItem } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { deliverMessage, deliveryGaveUp } from "../delivery/deliver-message";
import { deliveryJobSchema } from "../delivery/delivery-job";
import { deliveryStatusJobSchema, reportOf } from "../delivery/delivery-status-job";
import { recordDeliveryStatus } from "../../domain/delivery-status/record-delivery-status";
import { inboundEventSchema } from "../inbound-event";
import { webTurnJobSchema } from "../../domain/turns/web-turn-job";
import { downloadMedia, mediaGaveUp } from "./media/download-media";
import { mediaJobSchema } from "./media/media-job";
import { processInbound } from "./process-inbound";
import { recoverWebTurn } from "./recover-web-turn";
import type { WorkerRuntime } from "./worker-runtime";

/** A payload no code version can process: dead-lettered at once (visible, replayable after a fix). */
export class UnprocessableJobError extends Error {
  override name = "UnprocessableJobError";
}

/**
 * An inbox item is a customer event (from a webhook), a delivery job (an outbound message), a
 * platform's report about a sent message, or a web-chat turn its process did not finish.
 */
export async function processJob(
  deps: ApiDeps,
  runtime: WorkerRuntime,
  item: InboxItem,
): Promise<void> {
  const delivery = deliveryJobSchema.safeParse(item.payload);
  if (delivery.success) return deliverMessage(deps, runtime, delivery.data);
  const status = deliveryStatusJobSchema.safeParse(item.payload);
  if (status.success) {
    await recordDeliveryStatus(deps, reportOf(status.data));
    return;
  }
  const webTurn = webTurnJobSchema.safeParse(item.payload);
  if (webTurn.success) return recoverWebTurn(deps, item, webTurn.data);
  const media = mediaJobSchema.safeParse(item.payload);
  if (media.success) return downloadMedia(deps, runtime, media.data);
  const event = inboundEventSchema.safeParse(item.payload);
  if (!event.success) throw new UnprocessableJobError("not an inbound event nor a delivery job");
  return processInbound(deps, runtime, item, event.data);
}

/**
 * After the last attempt: a delivery job leaves its message failed, a media job its files unsupported
 * with the reason, so the console shows it.
 */
export async function jobGaveUp(deps: ApiDeps, item: InboxItem, reason: string): Promise<void> {
  const delivery = deliveryJobSchema.safeParse(item.payload);
  if (delivery.success) await deliveryGaveUp(deps, delivery.data, reason);
  const media = mediaJobSchema.safeParse(item.payload);
  if (media.success) await mediaGaveUp(deps, media.data, reason);
}
