import type { Platform } from "@agents-crm/config/channels";
import type { ServerResponse } from "node:http";
import { sendError, sendJson } from "../../server/http-io";
import type { DeliveryStatusReport } from "../../domain/delivery-status/record-delivery-status";
import { enqueueDeliveryStatuses } from "../delivery/delivery-status-job";
import { recordEvents, type RoutedEvent } from "./record-events";
import type { WebhookRuntime } from "./webhook-runtime";

/**
 * Store, then acknowledge: 200 only once every event is in the inbox, so nothing acknowledged can be
 * lost; if the inbox cannot be written the platform gets 503 and re-delivers (duplicates are ignored).
 * Never waits for processing: the inbox workers are only nudged.
 */
export async function storeAndAcknowledge(
  rt: WebhookRuntime,
  res: ServerResponse,
  input: {
    platform: Platform;
    routed: RoutedEvent[];
    skipped: number;
    receivedAt: Date;
    /** Reports about messages we sent, stored in the same inbox before the acknowledgement. */
    reports?: DeliveryStatusReport[];
  },
): Promise<void> {
  let result: { stored: number; duplicates: number };
  try {
    const inbox = rt.deps.repos.inboundEvents;
    const [events, reports] = await Promise.all([
      recordEvents(inbox, input.routed, input.receivedAt),
      enqueueDeliveryStatuses(inbox, input.reports ?? [], input.receivedAt),
    ]);
    result = {
      stored: events.stored + reports.stored,
      duplicates: events.duplicates + reports.duplicates,
    };
  } catch (error) {
    rt.log.error("webhook events not stored; the platform will re-deliver", {
      platform: input.platform,
      events: input.routed.length,
      error,
    });
    rt.deps.metrics.webhookEvents.inc(
      { platform: input.platform, outcome: "unavailable" },
      input.routed.length,
    );
    sendError(res, 503, "UNAVAILABLE", "The events could not be stored; retry later");
    return;
  }
  const events = rt.deps.metrics.webhookEvents;
  events.inc({ platform: input.platform, outcome: "stored" }, result.stored);
  events.inc({ platform: input.platform, outcome: "duplicate" }, result.duplicates);
  events.inc({ platform: input.platform, outcome: "skipped" }, input.skipped);
  sendJson(res, 200, { status: "ok", ...result, skipped: input.skipped });
  if (result.stored > 0) rt.deps.inboxSignal.notify();
}
