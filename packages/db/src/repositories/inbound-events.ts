import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { conditionalPut, conditionalUpdate } from "../lib/conditional-write";
import { clampLimit } from "../lib/page";
import type { Page, PageRequest } from "../lib/page";
import { keyAttributes, queryCount, queryPage } from "../lib/query";
import { expiryAfterSeconds, isExpired, toEpochSeconds } from "../lib/ttl";
import { recordInboundEventInputSchema } from "../schemas/inbound-event";
import type { InboundEvent, RecordInboundEventInput } from "../schemas/inbound-event";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import {
  DEAD_PK,
  QUEUE_PK,
  RETENTION_SECONDS,
  dueSort,
  orderSortOf,
  getInboundEventItem,
  statsKey,
  toInboundEvent,
  updateInboundEventStatus,
} from "./inbound-event-items";
import { createInboundEventHandover } from "./inbound-event-handover";
import { createInboundEventLeases } from "./inbound-event-leases";

export type { ClaimOptions, FailOptions, FailOutcome } from "./inbound-event-leases";

type Item = Record<string, unknown>;

const STATS_WRITE_INTERVAL_MS = 1000;
const MAX_TRACKED_SCOPES = 10_000;
const DEAD_KEYS = keyAttributes(tableDefinition("inboundEvents"), "dead-index");

/**
 * The durable webhook inbox. `record` is the dedupe (a conditional put on the event key) and the
 * acknowledgement point; workers `claimDue` with conditional-write leases, so a crashed worker's events
 * come back when the lease runs out. Two sparse indexes hold only live work: `queue-index` (pending and
 * leased events, `due_sort` = when it may next be handed out) and `order-index` (`order_key` is written
 * only while queued, so one conversation's queued events are a tiny partition). Dead letters sit in
 * `dead-index`. Per-scope "last event" stats live in one extra item per scope (`scope-stats#<scope>`) in
 * this same table, outside every index: at most one conditional write per scope and second per process,
 * and a GetItem to read.
 */
export function createInboundEventsRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.inboundEvents;

  // Per process: when each scope's stats item was last written, so a busy page costs one extra write a
  // second rather than one per event. lastEventAt is therefore accurate to STATS_WRITE_INTERVAL_MS.
  const statsWrittenAt = new Map<string, number>();

  const touchScopeStats = async (scope: string, eventKey: string, received: Date) => {
    const nowMs = ctx.now().getTime();
    if (nowMs - (statsWrittenAt.get(scope) ?? Number.NEGATIVE_INFINITY) < STATS_WRITE_INTERVAL_MS) {
      return;
    }
    if (statsWrittenAt.size >= MAX_TRACKED_SCOPES) statsWrittenAt.clear();
    statsWrittenAt.set(scope, nowMs);
    const receivedAt = received.toISOString();
    // Another writer already recorded a later event: nothing to do.
    await conditionalUpdate(db, {
      TableName,
      Key: { event_key: statsKey(scope) },
      UpdateExpression: "SET last_event_at = :at, last_event_key = :key",
      ConditionExpression: "attribute_not_exists(last_event_at) OR last_event_at <= :at",
      ExpressionAttributeValues: { ":at": receivedAt, ":key": eventKey },
    });
  };

  return {
    /** Stores the event once; a re-delivery (same platform, scope and id) returns created=false. */
    async record(input: RecordInboundEventInput): Promise<{ created: boolean; eventKey: string }> {
      const event = recordInboundEventInputSchema.parse(input);
      const eventKey = `${event.platform}#${event.scope}#${event.externalId}`;
      const received = event.receivedAt ?? ctx.now();
      const { lease } = event;
      // A leased item is due again when its lease runs out (as a claimed one is).
      const dueMs = lease ? ctx.now().getTime() + lease.leaseMs : received.getTime();
      const created = await conditionalPut(db, {
        TableName,
        Item: {
          event_key: eventKey,
          platform: event.platform,
          scope: event.scope,
          external_id: event.externalId,
          order_group: event.orderKey,
          order_key: event.orderKey,
          order_sort: orderSortOf(event.orderSort, event.externalId),
          payload_json: JSON.stringify(event.payload),
          ...(lease
            ? {
                status: "processing",
                attempts: 1,
                lease_owner: lease.owner,
                lease_until: dueMs,
                claimed_at: ctx.now().toISOString(),
              }
            : { status: "pending", attempts: 0 }),
          received_at: received.toISOString(),
          due_at: dueMs,
          due_sort: dueSort(dueMs, eventKey),
          queue_pk: QUEUE_PK,
          // Retention counts from when we stored it: a back-dated receivedAt must not shorten dedupe.
          expires_at: expiryAfterSeconds(ctx.now(), RETENTION_SECONDS),
        },
        // A row past its retention (TTL not yet applied) no longer counts as a duplicate.
        ConditionExpression: "attribute_not_exists(event_key) OR expires_at <= :now",
        ExpressionAttributeValues: { ":now": toEpochSeconds(ctx.now()) },
      });
      if (!created) return { created: false, eventKey };
      if (!lease) await touchScopeStats(event.scope, eventKey, received);
      return { created: true, eventKey };
    },

    async get(eventKey: string): Promise<InboundEvent | null> {
      const item = await getInboundEventItem(db, eventKey);
      if (!item || typeof item.platform !== "string" || isExpired(item, "expires_at", ctx.now())) {
        return null;
      }
      return toInboundEvent(item);
    },

    ...createInboundEventLeases(db, ctx),
    ...createInboundEventHandover(db, ctx),

    /** Newest dead letters first; `where` keeps a page full (and complete) when only some qualify. */
    async listDead(
      request: PageRequest & { where?: (event: InboundEvent) => boolean } = {},
    ): Promise<Page<InboundEvent>> {
      const now = ctx.now();
      return queryPage(db, {
        input: {
          TableName,
          IndexName: "dead-index",
          KeyConditionExpression: "dead_pk = :dead",
          ExpressionAttributeValues: { ":dead": DEAD_PK },
          ScanIndexForward: false,
        },
        keys: DEAD_KEYS,
        scope: "inboundEvents:dead",
        cursor: request.cursor,
        limit: clampLimit(request.limit),
        map: (item) => {
          if (isExpired(item, "expires_at", now)) return undefined;
          const event = toInboundEvent(item);
          return !request.where || request.where(event) ? event : undefined;
        },
        pageSize: ctx.queryPageSize,
      });
    },

    async countDead(options: { scope?: string } = {}): Promise<number> {
      const values: Item = { ":dead": DEAD_PK, ":now": toEpochSeconds(ctx.now()) };
      if (options.scope !== undefined) values[":scope"] = options.scope;
      return queryCount(db, {
        TableName,
        IndexName: "dead-index",
        KeyConditionExpression: "dead_pk = :dead",
        FilterExpression:
          "expires_at > :now" + (options.scope === undefined ? "" : " AND #scope = :scope"),
        ...(options.scope === undefined ? {} : { ExpressionAttributeNames: { "#scope": "scope" } }),
        ExpressionAttributeValues: values,
      });
    },

    /** Queue depth (pending + leased), for health and metrics; the index holds only live work. */
    async countQueued(): Promise<number> {
      return queryCount(db, {
        TableName,
        IndexName: "queue-index",
        KeyConditionExpression: "queue_pk = :queue",
        ExpressionAttributeValues: { ":queue": QUEUE_PK },
      });
    },

    /** When the first item in line became due (epoch ms; null when the queue is empty): the inbox's age. */
    async oldestDueAt(): Promise<number | null> {
      const result = await db.doc.send(
        new QueryCommand({
          TableName,
          IndexName: "queue-index",
          KeyConditionExpression: "queue_pk = :queue",
          ExpressionAttributeValues: { ":queue": QUEUE_PK },
          Limit: 1,
        }),
      );
      const due: unknown = result.Items?.[0]?.due_at;
      return typeof due === "number" ? due : null;
    },

    /** Dead → pending, due now, attempts reset, retention restarted. False if it is not dead-lettered. */
    async replay(eventKey: string): Promise<boolean> {
      const now = ctx.now();
      return (
        (await updateInboundEventStatus(db, eventKey, {
          UpdateExpression:
            "SET #status = :pending, queue_pk = :queue, order_key = order_group, attempts = :zero, due_at = :nowMs, due_sort = :dueSort, expires_at = :expires REMOVE dead_pk, dead_at",
          ConditionExpression: "dead_pk = :dead",
          ExpressionAttributeValues: {
            ":pending": "pending",
            ":queue": QUEUE_PK,
            ":zero": 0,
            ":nowMs": now.getTime(),
            ":dueSort": dueSort(now.getTime(), eventKey),
            ":expires": expiryAfterSeconds(now, RETENTION_SECONDS),
            ":dead": DEAD_PK,
          },
        })) !== null
      );
    },

    /** When the newest event for this scope (page / business account / bot) was received; ISO or null. */
    async lastEventAt(scope: string): Promise<string | null> {
      const item = await getInboundEventItem(db, statsKey(scope));
      return typeof item?.last_event_at === "string" ? item.last_event_at : null;
    },
  };
}

export type InboundEventsRepository = ReturnType<typeof createInboundEventsRepository>;
