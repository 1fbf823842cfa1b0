import type { Db } from "../client/db";
import { conditionalUpdate } from "../lib/conditional-write";
import { queryAll } from "../lib/query";
import type { RepositoryContext } from "./context";
import { QUEUE_PK, dueSort, dueSortUpTo } from "./inbound-event-items";

/**
 * How a lease holder hands work on: it keeps a long piece of work by renewing its lease, gives it back
 * when it stops before finishing (due at once, for the next process or another replica), and a process
 * that knows it is the database's only user takes over what its dead predecessor held.
 */
export function createInboundEventHandover(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.inboundEvents;
  const heldBy = (owner: string) => ({
    ConditionExpression: "queue_pk = :queue AND lease_owner = :owner",
    values: { ":queue": QUEUE_PK, ":owner": owner },
  });
  const applied = async (input: Parameters<typeof conditionalUpdate>[1]) =>
    (await conditionalUpdate(db, input)) !== null;

  return {
    /** Extends `owner`'s lease to `leaseMs` from now; false when it no longer holds the item. */
    async renew(eventKey: string, owner: string, leaseMs: number): Promise<boolean> {
      const until = ctx.now().getTime() + leaseMs;
      const { ConditionExpression, values } = heldBy(owner);
      return applied({
        TableName,
        Key: { event_key: eventKey },
        UpdateExpression: "SET lease_until = :until, due_at = :until, due_sort = :dueSort",
        ConditionExpression,
        ExpressionAttributeValues: {
          ...values,
          ":until": until,
          ":dueSort": dueSort(until, eventKey),
        },
      });
    },

    /**
     * Leases one queued item to `owner` when nobody holds it (pending, or its lease ran out): a replica
     * that runs a conversation's turns takes the turn another replica recorded for it. False otherwise.
     */
    async take(eventKey: string, owner: string, leaseMs: number): Promise<boolean> {
      const nowMs = ctx.now().getTime();
      const until = nowMs + leaseMs;
      return applied({
        TableName,
        Key: { event_key: eventKey },
        UpdateExpression:
          "SET #status = :processing, lease_owner = :owner, lease_until = :until, due_at = :until, due_sort = :dueSort, claimed_at = :nowIso ADD attempts :one",
        ConditionExpression:
          "queue_pk = :queue AND (attribute_not_exists(lease_until) OR lease_until <= :now)",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":queue": QUEUE_PK,
          ":processing": "processing",
          ":owner": owner,
          ":until": until,
          ":dueSort": dueSort(until, eventKey),
          ":nowIso": new Date(nowMs).toISOString(),
          ":now": nowMs,
          ":one": 1,
        },
      });
    },

    /**
     * Gives an unfinished item back: pending and due now (or `at`). False when `owner` no longer held it.
     * `refundAttempt` when the failure was the storage's (see StorageUnavailableError), not the item's:
     * the attempt its claim counted is given back.
     */
    async release(
      eventKey: string,
      owner: string,
      options: { at?: number; refundAttempt?: boolean } = {},
    ): Promise<boolean> {
      const dueAt = options.at ?? ctx.now().getTime();
      const { ConditionExpression, values } = heldBy(owner);
      return applied({
        TableName,
        Key: { event_key: eventKey },
        UpdateExpression: `SET #status = :pending, due_at = :dueAt, due_sort = :dueSort${
          options.refundAttempt ? " ADD attempts :minusOne" : ""
        } REMOVE lease_owner, lease_until`,
        ConditionExpression,
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ...values,
          ":pending": "pending",
          ":dueAt": dueAt,
          ":dueSort": dueSort(dueAt, eventKey),
          ...(options.refundAttempt ? { ":minusOne": -1 } : {}),
        },
      });
    },

    /**
     * Makes every live lease run out now, so workers re-claim those items at once (a re-claim counts
     * as an attempt). Only for a process that is the database's sole user, e.g. the embedded engine,
     * whose files one process at a time can open: any lease found at its start was its predecessor's.
     */
    async expireAllLeases(): Promise<number> {
      const leased = await queryAll(
        db,
        {
          TableName,
          IndexName: "queue-index",
          KeyConditionExpression: "queue_pk = :queue AND due_sort > :upTo",
          ExpressionAttributeValues: {
            ":queue": QUEUE_PK,
            ":upTo": dueSortUpTo(ctx.now().getTime()),
          },
        },
        (item) => (item.status === "processing" ? item : undefined),
      );
      const nowMs = ctx.now().getTime();
      let expired = 0;
      for (const item of leased) {
        const eventKey = String(item.event_key);
        const ok = await applied({
          TableName,
          Key: { event_key: eventKey },
          UpdateExpression: "SET lease_until = :now, due_at = :now, due_sort = :dueSort",
          // Unchanged since it was read: nobody renewed or completed it meanwhile.
          ConditionExpression:
            "queue_pk = :queue AND lease_owner = :owner AND lease_until = :until",
          ExpressionAttributeValues: {
            ":queue": QUEUE_PK,
            ":owner": item.lease_owner,
            ":until": item.lease_until,
            ":now": nowMs,
            ":dueSort": dueSort(nowMs, eventKey),
          },
        });
        if (ok) expired++;
      }
      return expired;
    },
  };
}
