import { GetCommand, type UpdateCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { conditionalUpdate } from "../lib/conditional-write";
import { inboundEventSchema } from "../schemas/inbound-event";
import type { InboundEvent } from "../schemas/inbound-event";

type Item = Record<string, unknown>;

export const QUEUE_PK = "QUEUE";
export const DEAD_PK = "DEAD";
/** 8 days: longer than Meta's 7-day WhatsApp re-delivery window (Instagram retries for 36 h). */
export const RETENTION_SECONDS = 8 * 24 * 3600;

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** `${due ms, 15 digits}#${event_key}`: sorts by due time, unique per event. */
export const dueSort = (dueMs: number, eventKey: string) => `${pad(dueMs, 15)}#${eventKey}`;
/** Upper bound for "due at or before nowMs" (`\uffff` sorts after any event key). */
export const dueSortUpTo = (nowMs: number) => `${pad(nowMs, 15)}#\uffff`;

/** Numbers are padded so they sort as strings; the external id breaks ties between equal positions. */
export const orderSortOf = (orderSort: number | string, externalId: string) =>
  `${typeof orderSort === "number" ? pad(orderSort, 20) : orderSort}#${externalId}`;

/** Per-scope stats item; its key cannot collide with `${platform}#…` event keys. */
export const statsKey = (scope: string) => `scope-stats#${scope}`;

export function toInboundEvent(item: Item): InboundEvent {
  return inboundEventSchema.parse({
    eventKey: item.event_key,
    platform: item.platform,
    scope: item.scope,
    externalId: item.external_id,
    orderKey: item.order_group,
    orderSort: item.order_sort,
    payload: JSON.parse(String(item.payload_json)) as unknown,
    status: item.status,
    attempts: item.attempts,
    receivedAt: item.received_at,
    dueAt: item.due_at,
    leaseOwner: item.lease_owner,
    leaseUntil: item.lease_until,
    lastError: item.last_error,
    completedAt: item.completed_at,
    deadAt: item.dead_at,
    expiresAt: item.expires_at,
  });
}

/** The stored item under `eventKey` (an event or a stats item), read consistently; undefined if none. */
export async function getInboundEventItem(db: Db, eventKey: string): Promise<Item | undefined> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tables.inboundEvents,
      Key: { event_key: eventKey },
      ConsistentRead: true,
    }),
  );
  return out.Item;
}

/** A conditional status transition of one event (`#status` names `status`); null when the condition failed. */
export function updateInboundEventStatus(
  db: Db,
  eventKey: string,
  input: Pick<
    UpdateCommandInput,
    "UpdateExpression" | "ConditionExpression" | "ExpressionAttributeValues" | "ReturnValues"
  >,
) {
  return conditionalUpdate(db, {
    TableName: db.tables.inboundEvents,
    Key: { event_key: eventKey },
    ExpressionAttributeNames: { "#status": "status" },
    ...input,
  });
}
