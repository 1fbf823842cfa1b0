import type { Platform } from "@agents-crm/config/channels";
import {
  DELIVERY_STATUS_RANK,
  type DeliveryReason,
  type DeliveryStatus,
  type PlatformDeliveryStatus,
} from "@agents-crm/config/messages";
import type { ApiDeps } from "../../deps";
import { publishAdmin } from "../conversations/events";
import { conversationView } from "../conversations/views";

/** What a platform reported about one message we sent (a WhatsApp status, a Twilio callback). */
export interface DeliveryStatusReport {
  platform: Platform;
  /** The id the platform gave the message (wamid, Twilio SID, Instagram mid). */
  platformMessageId: string;
  status: PlatformDeliveryStatus;
  /** Only with `failed`: the platform's code and words. */
  reason?: DeliveryReason;
  /** When the platform says it happened, ISO. */
  at: string;
}

export type DeliveryStatusOutcome =
  /** The message's status changed; consoles were told. */
  | "recorded"
  /** Not one of ours (sent elsewhere, or its record expired). */
  | "unknown"
  /** Already at this status or past it (a re-delivery, or reports out of order). */
  | "stale";

/**
 * The statuses a report may replace. Nothing moves backwards: read > delivered > sent, and a failure
 * is final. A message still "pending" is ours to finish (its later parts are going out): the send
 * itself records it sent, so a report does not race it.
 */
function replaceable(status: PlatformDeliveryStatus): DeliveryStatus[] {
  // A read message was delivered: a late failure of it is not believed.
  if (status === "failed") return ["sent", "delivered"];
  const rank = DELIVERY_STATUS_RANK[status];
  return (["sent", "delivered", "read"] as const).filter((s) => DELIVERY_STATUS_RANK[s] < rank);
}

/**
 * The one place a platform's report about a sent message is recorded: finds the message by its
 * platform id, moves its delivery status forward (never back) in one conditional write, and tells the
 * consoles (`message.updated`).
 */
export async function recordDeliveryStatus(
  deps: Pick<ApiDeps, "repos" | "hub">,
  report: DeliveryStatusReport,
): Promise<DeliveryStatusOutcome> {
  const ref = await deps.repos.sentMessageRefs.find(report.platform, report.platformMessageId);
  if (!ref) return "unknown";
  // "sent" replaces nothing: we record it ourselves when the platform accepts the message.
  const from = replaceable(report.status);
  if (from.length === 0) return "stale";
  const updated = await deps.repos.messages.advanceDelivery(ref.conversationId, ref.messageId, {
    status: report.status,
    reason: report.status === "failed" ? report.reason : undefined,
    at: report.at,
    from,
  });
  if (!updated) return "stale";
  const conversation = await deps.repos.conversations.get(ref.conversationId);
  if (conversation) {
    await publishAdmin(deps.hub, {
      type: "message.updated",
      payload: { conversation: conversationView(conversation), message: updated },
    });
  }
  return "recorded";
}
