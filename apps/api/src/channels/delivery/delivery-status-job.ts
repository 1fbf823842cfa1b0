import { platformSchema } from "@agents-crm/config/channels";
import {
  DELIVERY_STATUS_RANK,
  deliveryReasonSchema,
  platformDeliveryStatusSchema,
} from "@agents-crm/config/messages";
import type { Repositories } from "@agents-crm/db";
import { z } from "zod";
import type { DeliveryStatusReport } from "../../domain/delivery-status/record-delivery-status";

/**
 * A platform's report about a message we sent (WhatsApp `statuses[]`, Twilio status callbacks), kept
 * in the durable inbox like any webhook event: acknowledged once stored, recorded by a worker
 * (`recordDeliveryStatus`), deduplicated when the platform re-delivers it.
 */
export const deliveryStatusJobSchema = z.object({
  job: z.literal("delivery_status"),
  platform: platformSchema,
  platformMessageId: z.string().min(1).max(256),
  status: platformDeliveryStatusSchema,
  reason: deliveryReasonSchema.optional(),
  at: z.iso.datetime(),
});
export type DeliveryStatusJob = z.infer<typeof deliveryStatusJobSchema>;

/** Not a platform account: reports stay out of the per-account "last inbound event" stats. */
export const STATUS_SCOPE = "statuses";

export const reportOf = (job: DeliveryStatusJob): DeliveryStatusReport => ({
  platform: job.platform,
  platformMessageId: job.platformMessageId,
  status: job.status,
  reason: job.reason,
  at: job.at,
});

/**
 * Stores reports for the workers; true for each one not stored before (a re-delivery is a duplicate).
 * One message's reports are ordered by status rank, so "read" is recorded after "delivered".
 */
export async function enqueueDeliveryStatuses(
  inbox: Repositories["inboundEvents"],
  reports: DeliveryStatusReport[],
  receivedAt: Date,
): Promise<{ stored: number; duplicates: number }> {
  let stored = 0;
  let duplicates = 0;
  for (const report of reports) {
    const job: DeliveryStatusJob = { job: "delivery_status", ...report };
    const { created } = await inbox.record({
      platform: report.platform,
      scope: STATUS_SCOPE,
      externalId: `${report.platformMessageId}#${report.status}`,
      orderKey: `status#${report.platform}#${report.platformMessageId}`,
      orderSort: DELIVERY_STATUS_RANK[report.status],
      payload: job,
      receivedAt,
    });
    if (created) stored++;
    else duplicates++;
  }
  return { stored, duplicates };
}
