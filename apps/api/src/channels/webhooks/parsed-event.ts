import type { z } from "zod";
import type { DeliveryStatusReport } from "../../domain/delivery-status/record-delivery-status";
import type { inboundEventSchema } from "../inbound-event";

/** An event as parsed from a platform payload, before it is routed to a binding. */
export type ParsedEvent = Omit<z.input<typeof inboundEventSchema>, "bindingId" | "agentId"> & {
  /** Inbox order within one conversation: a number (zero-padded by the inbox) or a sortable string. */
  orderSort: number | string;
};

/** What a payload yielded: events to store, and why the rest was dropped (counted, never logged raw). */
export interface ParseResult {
  events: ParsedEvent[];
  skipped: string[];
  /** Reports about messages we sent (WhatsApp statuses), with the account each came for. */
  reports?: (DeliveryStatusReport & { accountId: string })[];
}

export const isoFromEpoch = (value: number | undefined, unit: "s" | "ms", fallback: Date) => {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return fallback.toISOString();
  const date = new Date(unit === "s" ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? fallback.toISOString() : date.toISOString();
};
