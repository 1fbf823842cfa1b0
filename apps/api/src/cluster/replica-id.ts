import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * A name no other replica has, even on one host or after a restart with the same pid (containers start
 * at pid 1): leases tell replicas apart by it.
 */
export function resolveReplicaId(configured: string | undefined): string {
  return configured ?? `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
}
