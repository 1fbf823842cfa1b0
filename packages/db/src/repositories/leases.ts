import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { conditionalPut } from "../lib/conditional-write";
import { isConditionalCheckFailed } from "../lib/errors";
import { expiryAfterSeconds } from "../lib/ttl";
import type { RepositoryContext } from "./context";
import { releaseAllLeases } from "./lease-reset";

export interface LeaseRequest {
  /** The job's name, one lease per name in the cluster (e.g. "realert-sweep"). */
  name: string;
  /** Who asks: a replica id (deps.replicaId). */
  holder: string;
  ttlMs: number;
}

export interface Lease {
  name: string;
  holder: string;
  /** Epoch ms until which `holder` owns it. */
  leaseUntil: number;
}

/** A lease item is deleted by TTL (or the sweeper) this long after it ran out: nobody renews it then. */
const RECLAIM_AFTER_SECONDS = 24 * 3600;

/**
 * Cluster-wide leases: one conditional PutItem decides which replica runs a periodic job. The write only
 * applies when the lease is free, has run out, or is already the caller's (a renewal), so two replicas
 * can never both hold one; a holder that dies loses it when `ttlMs` passes. Time is each replica's clock:
 * leases are seconds to minutes long, far above the skew NTP leaves between hosts.
 */
export function createLeasesRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.leases;

  return {
    /** True when `holder` now holds `name` for `ttlMs` (acquired, taken over or renewed). */
    async tryAcquire(request: LeaseRequest): Promise<boolean> {
      const now = ctx.now();
      const leaseUntil = now.getTime() + request.ttlMs;
      return conditionalPut(db, {
        TableName,
        Item: {
          lease_name: request.name,
          holder: request.holder,
          lease_until: leaseUntil,
          acquired_at: now.toISOString(),
          expires_at: expiryAfterSeconds(new Date(leaseUntil), RECLAIM_AFTER_SECONDS),
        },
        ConditionExpression:
          "attribute_not_exists(lease_name) OR lease_until <= :now OR holder = :holder",
        ExpressionAttributeValues: { ":now": now.getTime(), ":holder": request.holder },
      });
    },

    /** Gives the lease up at once (a graceful stop), so another replica need not wait for it to run out. */
    async release(name: string, holder: string): Promise<boolean> {
      try {
        await db.doc.send(
          new DeleteCommand({
            TableName,
            Key: { lease_name: name },
            ConditionExpression: "holder = :holder",
            ExpressionAttributeValues: { ":holder": holder },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },

    /**
     * Frees every lease. Only for an engine one process opens at a time (the embedded one): at start-up
     * every lease found there was a dead process's, and the restarted process should not wait them out.
     */
    releaseAll: () => releaseAllLeases(db),

    /** The live lease on `name`, or null when it is free or has run out (tests, diagnostics). */
    async current(name: string): Promise<Lease | null> {
      const out = await db.doc.send(
        new GetCommand({ TableName, Key: { lease_name: name }, ConsistentRead: true }),
      );
      const item = out.Item;
      if (!item || Number(item.lease_until) <= ctx.now().getTime()) return null;
      return { name, holder: String(item.holder), leaseUntil: Number(item.lease_until) };
    },
  };
}

export type LeasesRepository = ReturnType<typeof createLeasesRepository>;
