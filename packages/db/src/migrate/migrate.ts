import type { Db } from "../client/db";
import { backfillLegacyItems } from "../provision/backfill";
import { backfillAfterProvision } from "../provision/backfill-queue";
import type { BackfillReport } from "../provision/backfill";
import { provisionTables } from "../provision/provision";
import type { ProvisionOptions, ProvisionReport } from "../provision/provision";
import { countWithout, legacyRagRows, legacyTtl, missingSecrets } from "./legacy-report";
import type { LegacyRagReport, LegacyTtlReport, MissingSecretsReport } from "./legacy-report";
import { rekeyLegacyMessages } from "./rekey-messages";
import type { RekeyReport } from "./rekey-messages";
import { planSchema } from "./schema-plan";
import type { SchemaPlan } from "./schema-plan";

export interface MigrateOptions {
  /** Read and report only; nothing is written. */
  dryRun?: boolean;
  /**
   * The reference's never-enforced `ttl` attribute: "keep" (default) leaves those items without an
   * expiry, "apply" copies it to `expires_at` so they expire as the reference intended.
   */
  legacyTtl?: "keep" | "apply";
  /** Continue the message re-keying after a checkpoint an interrupted run printed. */
  resumeFrom?: string;
  onCheckpoint?: (token: string) => void;
  /** Messages per Scan page (tests use small pages). */
  pageSize?: number;
  concurrency?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /** Passed to provisioning (wait intervals). */
  provision?: Pick<ProvisionOptions, "pollIntervalMs" | "timeoutMs">;
}

export interface MigrationReport {
  dryRun: boolean;
  schema: SchemaPlan;
  /** What provisioning did (absent in a dry run: `schema` says what it would do). */
  provisioned?: ProvisionReport;
  /** Items given the attributes the new indexes key on (dry run: items lacking them). */
  backfill: BackfillReport;
  messages: RekeyReport;
  legacyTtl: { mode: "keep" | "apply"; conversations: LegacyTtlReport };
  rag: LegacyRagReport;
  secrets: MissingSecretsReport;
}

export class MigrationBlockedError extends Error {
  override name = "MigrationBlockedError";
}

/**
 * Brings an existing deployment of the reference (Python) product up to what this project needs,
 * without losing an item: creates the missing tables, adds the indexes and TTL settings, backfills
 * the attributes the new indexes key on, re-keys messages to time-ordered ids, and reports the
 * reference's `ttl` attributes, its RAG rows (re-indexed by the API on start) and the tokens that
 * lived in Secrets Manager. Idempotent; a re-run after an interruption finishes the job.
 */
export async function migrateFromReference(
  db: Db,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const dryRun = options.dryRun ?? false;
  const mode = options.legacyTtl ?? "keep";
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());

  const schema = await planSchema(db);
  if (schema.keyMismatches.length) {
    throw new MigrationBlockedError(
      `primary keys differ, nothing was changed: ${schema.keyMismatches.join("; ")}`,
    );
  }
  // A dry run reads a reference deployment as it is: tables it would create are empty.
  const exists = (tableName: string) => !dryRun || !schema.tablesToCreate.includes(tableName);
  const empty = {
    scanned: 0,
    alreadyTimeOrdered: 0,
    rekeyed: 0,
    withoutTimestamp: [],
    conflicts: [],
    ttlApplied: 0,
  };

  let provisioned: ProvisionReport | undefined;
  let backfill: BackfillReport;
  if (dryRun) {
    const count = async (tableName: string, attribute: string) =>
      exists(tableName) ? countWithout(db, tableName, attribute) : 0;
    backfill = {
      agents: await count(db.tables.agents, "list_pk"),
      conversations: await count(db.tables.conversations, "all_pk"),
      auditLogs: await count(db.tables.auditLogs, "all_pk"),
    };
  } else {
    log("provisioning tables, indexes and TTL");
    provisioned = await provisionTables(db, { ...options.provision, log });
    await backfillAfterProvision(db, provisioned, log);
    backfill = await backfillLegacyItems(db, { log });
  }

  log("re-keying messages to time-ordered ids");
  const messages = exists(db.tables.messages)
    ? await rekeyLegacyMessages(db, {
        dryRun,
        applyLegacyTtl: mode === "apply",
        concurrency: options.concurrency,
        pageSize: options.pageSize,
        resumeFrom: options.resumeFrom,
        onCheckpoint: options.onCheckpoint,
        log,
      })
    : empty;
  const conversations = exists(db.tables.conversations)
    ? await legacyTtl(db, "conversations", { apply: mode === "apply", dryRun, now: now() })
    : { carrying: 0, pastDue: 0, applied: 0 };
  const rag = exists(db.tables.ragDocuments) ? await legacyRagRows(db) : { rows: 0, agents: [] };
  const secrets =
    exists(db.tables.channelBindings) && exists(db.tables.notificationConfigs)
      ? await missingSecrets(db, { secretsTableExists: exists(db.tables.secrets) })
      : { channelBindings: [], notificationConfigs: [] };
  return {
    dryRun,
    schema,
    provisioned,
    backfill,
    messages,
    legacyTtl: { mode, conversations },
    rag,
    secrets,
  };
}
