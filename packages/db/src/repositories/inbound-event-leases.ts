import { backoffMs } from "@agents-crm/config/retry";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { queryAll } from "../lib/query";
import type { BackoffPolicy, InboundEvent } from "../schemas/inbound-event";
import type { RepositoryContext } from "./context";
import {
  DEAD_PK,
  QUEUE_PK,
  dueSort,
  dueSortUpTo,
  getInboundEventItem,
  toInboundEvent,
  updateInboundEventStatus,
} from "./inbound-event-items";

type Item = Record<string, unknown>;

export interface ClaimOptions {
  workerId: string;
  leaseMs: number;
  limit: number;
  now?: Date;
  /** An event whose lease ran out this many times (its worker kept dying) is dead-lettered, not re-claimed. */
  maxAttempts?: number;
}

export interface FailOptions {
  error: string;
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export type FailOutcome =
  { outcome: "retrying"; retryAt: number } | { outcome: "dead" } | { outcome: "lease-lost" };

const MAX_ERROR_LENGTH = 2000;

/**
 * The worker side of the inbox: claim with a lease, complete, fail. Every transition is one conditional
 * UpdateItem on the event, so workers on any number of replicas never hold the same event at once.
 */
export function createInboundEventLeases(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.inboundEvents;

  /**
   * The event of `item`'s conversation that may run now: the earliest queued one (by platform order),
   * if it is due and no event of the conversation is under a live lease; otherwise none.
   */
  const nextInLine = async (item: Item, nowMs: number): Promise<Item | undefined> => {
    const queued = await queryAll(
      db,
      {
        TableName,
        IndexName: "order-index",
        KeyConditionExpression: "order_key = :group",
        ExpressionAttributeValues: { ":group": item.order_key },
      },
      (other) => other,
    );
    if (queued.some((o) => o.status === "processing" && Number(o.lease_until) > nowMs)) {
      return undefined;
    }
    // The index may lag the table by a moment on DynamoDB; the item itself is then the best guess.
    const head = queued[0] ?? item;
    return String(head.due_sort) <= dueSortUpTo(nowMs) ? head : undefined;
  };

  const deadLetter = async (
    eventKey: string,
    error: string | undefined,
    condition: { expression: string; values: Item },
  ): Promise<boolean> => {
    const now = ctx.now();
    return (
      (await updateInboundEventStatus(db, eventKey, {
        UpdateExpression:
          "SET #status = :dead, dead_pk = :deadPk, dead_at = :nowIso, due_sort = :deadSort" +
          (error === undefined ? "" : ", last_error = :error") +
          " REMOVE queue_pk, order_key, lease_owner, lease_until",
        ConditionExpression: condition.expression,
        ExpressionAttributeValues: {
          ...condition.values,
          ":dead": "dead",
          ":deadPk": DEAD_PK,
          ":nowIso": now.toISOString(),
          ":deadSort": dueSort(now.getTime(), eventKey),
          ...(error === undefined ? {} : { ":error": error.slice(0, MAX_ERROR_LENGTH) }),
        },
      })) !== null
    );
  };

  const tryClaim = async (
    item: Item,
    options: ClaimOptions,
    nowMs: number,
  ): Promise<InboundEvent | undefined> => {
    const eventKey = String(item.event_key);
    const due = { ":queue": QUEUE_PK, ":upTo": dueSortUpTo(nowMs) };
    const leaseRanOut = item.status === "processing";
    if (
      leaseRanOut &&
      options.maxAttempts !== undefined &&
      Number(item.attempts) >= options.maxAttempts
    ) {
      await deadLetter(eventKey, "lease expired too many times (worker crashed while processing)", {
        expression: "queue_pk = :queue AND due_sort <= :upTo",
        values: due,
      });
      return undefined;
    }
    const leaseUntil = nowMs + options.leaseMs;
    const out = await updateInboundEventStatus(db, eventKey, {
      UpdateExpression:
        "SET #status = :processing, lease_owner = :worker, lease_until = :until, due_at = :until, due_sort = :dueSort, claimed_at = :nowIso ADD attempts :one",
      // due_sort <= now: pending and due, or leased by a worker whose lease has run out.
      ConditionExpression: "queue_pk = :queue AND due_sort <= :upTo",
      ExpressionAttributeValues: {
        ...due,
        ":processing": "processing",
        ":worker": options.workerId,
        ":until": leaseUntil,
        ":dueSort": dueSort(leaseUntil, eventKey),
        ":nowIso": new Date(nowMs).toISOString(),
        ":one": 1,
      },
      ReturnValues: "ALL_NEW",
    });
    if (!out) return undefined;
    return toInboundEvent(out.Attributes ?? {});
  };

  return {
    /**
     * Leases up to `limit` due events, oldest due first, at most one per conversation and never one with
     * an earlier event of its conversation still queued. Concurrent workers race on conditional updates,
     * so no event is handed to two of them while a lease is live.
     */
    async claimDue(options: ClaimOptions): Promise<InboundEvent[]> {
      const nowMs = (options.now ?? ctx.now()).getTime();
      const claimed: InboundEvent[] = [];
      const seenGroups = new Set<string>();
      const budget = options.limit * 10 + 50;
      let examined = 0;
      let startKey: Item | undefined;
      do {
        const out = await db.doc.send(
          new QueryCommand({
            TableName,
            IndexName: "queue-index",
            KeyConditionExpression: "queue_pk = :queue AND due_sort <= :upTo",
            ExpressionAttributeValues: { ":queue": QUEUE_PK, ":upTo": dueSortUpTo(nowMs) },
            Limit: Math.min(200, Math.max(25, options.limit * 3)),
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) {
          examined++;
          const group = String(item.order_key);
          // One decision per conversation and round: its head event, whichever of its events we met first.
          if (seenGroups.has(group)) continue;
          seenGroups.add(group);
          const head = await nextInLine(item, nowMs);
          if (!head) continue;
          const event = await tryClaim(head, options, nowMs);
          if (!event) continue;
          claimed.push(event);
          if (claimed.length >= options.limit) return claimed;
        }
        startKey = out.LastEvaluatedKey;
      } while (startKey && examined < budget);
      return claimed;
    },

    /** False when this worker no longer holds the event (its lease ran out and it was re-claimed). */
    async complete(eventKey: string, workerId: string): Promise<boolean> {
      return (
        (await updateInboundEventStatus(db, eventKey, {
          UpdateExpression:
            "SET #status = :done, completed_at = :now REMOVE queue_pk, order_key, lease_owner, lease_until, due_sort",
          ConditionExpression: "queue_pk = :queue AND lease_owner = :worker",
          ExpressionAttributeValues: {
            ":done": "done",
            ":now": ctx.now().toISOString(),
            ":queue": QUEUE_PK,
            ":worker": workerId,
          },
        })) !== null
      );
    },

    /** Reschedules with exponential back-off (base × 2^(attempts-1), capped), or dead-letters. */
    async fail(eventKey: string, workerId: string, options: FailOptions): Promise<FailOutcome> {
      const item = await getInboundEventItem(db, eventKey);
      if (item?.queue_pk !== QUEUE_PK || item.lease_owner !== workerId)
        return { outcome: "lease-lost" };
      const attempts = Number(item.attempts);
      const held = {
        expression: "queue_pk = :queue AND lease_owner = :worker AND attempts = :attempts",
        values: { ":queue": QUEUE_PK, ":worker": workerId, ":attempts": attempts },
      };
      if (attempts >= options.maxAttempts) {
        return (await deadLetter(eventKey, options.error, held))
          ? { outcome: "dead" }
          : { outcome: "lease-lost" };
      }
      const retryAt = ctx.now().getTime() + backoffMs(attempts, options.backoff);
      return (await updateInboundEventStatus(db, eventKey, {
        UpdateExpression:
          "SET #status = :pending, due_at = :retryAt, due_sort = :dueSort, last_error = :error REMOVE lease_owner, lease_until",
        ConditionExpression: held.expression,
        ExpressionAttributeValues: {
          ...held.values,
          ":pending": "pending",
          ":retryAt": retryAt,
          ":dueSort": dueSort(retryAt, eventKey),
          ":error": options.error.slice(0, MAX_ERROR_LENGTH),
        },
      }))
        ? { outcome: "retrying", retryAt }
        : { outcome: "lease-lost" };
    },
  };
}
