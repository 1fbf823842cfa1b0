import type { TableNames } from "@agents-crm/config";
import { sweepExpiredItems, TABLE_DEFINITIONS, ttlDeletesExpired, type Db } from "@agents-crm/db";
import type { ApiDeps } from "../deps";
import { startClusterJob, type ClusterJob } from "./cluster-job";

/** Expired items only cost storage (readers treat them as absent), so a sweep every 10 minutes is plenty. */
export const EXPIRY_SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/** Deletes per table and run: a backlog is worked off over several runs instead of one long one. */
const DELETES_PER_TABLE = 5_000;

/** The tables with a TTL attribute whose engine does not delete expired items by itself. */
export async function tablesWithoutTtl(db: Db): Promise<(keyof TableNames)[]> {
  const ids: (keyof TableNames)[] = [];
  for (const definition of TABLE_DEFINITIONS) {
    if (!definition.ttlAttribute) continue;
    if (!(await ttlDeletesExpired(db, db.tables[definition.id]))) ids.push(definition.id);
  }
  return ids;
}

/**
 * Reclaims expired items where no TTL deletes them (the embedded engine, dynalite, Alternator without
 * TTL), once per cluster: each run walks every such table from where the last one stopped.
 */
export function startExpirySweep(
  deps: Pick<ApiDeps, "db" | "repos" | "replicaId" | "log">,
  tables: (keyof TableNames)[],
  intervalMs = EXPIRY_SWEEP_INTERVAL_MS,
): ClusterJob | null {
  if (tables.length === 0) return null;
  const cursors = new Map<keyof TableNames, string | null>();
  return startClusterJob(deps, {
    name: "expiry-sweep",
    intervalMs,
    run: async () => {
      let deleted = 0;
      for (const table of tables) {
        const result = await sweepExpiredItems(deps.db, table, {
          limit: DELETES_PER_TABLE,
          cursor: cursors.get(table) ?? null,
          now: new Date(),
        });
        cursors.set(table, result.nextCursor);
        deleted += result.deleted;
      }
      deps.log.info("expiry sweep done", { tables: tables.length, deleted });
    },
  });
}
