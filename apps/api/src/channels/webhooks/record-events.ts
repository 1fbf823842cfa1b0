import type { Repositories } from "@agents-crm/db";
import { orderKeyOf, type InboundEvent } from "../inbound-event";

export interface RoutedEvent {
  event: InboundEvent;
  orderSort: number | string;
}

const before = (a: RoutedEvent, b: RoutedEvent) =>
  typeof a.orderSort === "number" && typeof b.orderSort === "number"
    ? a.orderSort - b.orderSort
    : String(a.orderSort).localeCompare(String(b.orderSort));

/**
 * Stores each event once (a conditional write: a re-delivery comes back `created: false`). One
 * conversation's events are written in order, one after the other, so a worker never sees a later
 * event queued without the earlier one of the same request; conversations are written in parallel.
 */
export async function recordEvents(
  inbox: Repositories["inboundEvents"],
  events: RoutedEvent[],
  receivedAt: Date,
): Promise<{ stored: number; duplicates: number }> {
  const conversations = new Map<string, RoutedEvent[]>();
  for (const routed of events) {
    const key = orderKeyOf(routed.event);
    conversations.set(key, [...(conversations.get(key) ?? []), routed]);
  }
  let stored = 0;
  let duplicates = 0;
  await Promise.all(
    [...conversations].map(async ([orderKey, group]) => {
      for (const { event, orderSort } of group.sort(before)) {
        const { created } = await inbox.record({
          platform: event.platform,
          scope: event.accountId,
          externalId: event.externalMessageId,
          orderKey,
          orderSort,
          payload: event,
          receivedAt,
        });
        if (created) stored++;
        else duplicates++;
      }
    }),
  );
  return { stored, duplicates };
}
