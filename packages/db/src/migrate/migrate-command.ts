// `npm run db:migrate [-- --dry-run] [--legacy-ttl=keep|apply] [--resume=<checkpoint>]`: brings an existing
// deployment of the Python product (its DynamoDB tables, found through the same AWS_* / DYNAMODB_* variables
// as the API) up to what this project needs, and reports what it changed. Safe to re-run.
import { loadServerEnv, resolveDynamoMode } from "@agents-crm/config/env";
import { openDatabaseFromEnv } from "../client/open-database";
import { migrateFromReference } from "./migrate";
import type { MigrationReport } from "./migrate";

export const MIGRATE_OPTIONS = "[--dry-run] [--legacy-ttl=keep|apply] [--resume=<checkpoint>]";
const known = /^--(dry-run|legacy-ttl=(keep|apply)|resume=\S+)$/;

type Print = (line: string) => void;

function lineOf(print: Print, label: string, value: string | number | readonly string[]): void {
  const text = Array.isArray(value) ? (value.length ? value.join(", ") : "-") : String(value);
  print(`  ${label.padEnd(40)} ${text}`);
}

function printReport(report: MigrationReport, print: Print): void {
  const line = (label: string, value: string | number | readonly string[]) =>
    lineOf(print, label, value);
  const say = (done: string, planned: string) => (report.dryRun ? planned : done);
  print("schema");
  line(
    say("tables created", "tables to create"),
    report.provisioned?.created ?? report.schema.tablesToCreate,
  );
  line(
    say("indexes added", "indexes to add"),
    report.provisioned?.indexesAdded ?? report.schema.indexesToAdd,
  );
  line(
    say("TTL enabled", "TTL to enable"),
    report.provisioned?.ttlEnabled ?? report.schema.ttlToEnable,
  );
  line("unused indexes (left in place)", report.schema.extraIndexes);
  for (const w of [...report.schema.ttlWarnings, ...(report.provisioned?.warnings ?? [])])
    line("warning", w);
  print(say("items given the new index attributes", "items lacking the new index attributes"));
  line("agents / conversations / audit logs", Object.values(report.backfill).join(" / "));
  const m = report.messages;
  print("messages");
  line("scanned", m.scanned);
  line(say("re-keyed to time-ordered ids", "to re-key to time-ordered ids"), m.rekeyed);
  line("already time-ordered", m.alreadyTimeOrdered);
  line("no timestamp: kept under the old id", m.withoutTimestamp);
  line("new id taken: kept under the old id", m.conflicts);
  const t = report.legacyTtl.conversations;
  print(`the reference's never-enforced \`ttl\` (--legacy-ttl=${report.legacyTtl.mode})`);
  line("conversations carrying it", `${t.carrying} (${t.pastDue} already past it)`);
  line(
    say("given expires_at = ttl", "to get expires_at = ttl"),
    `${t.applied} conversations, ${m.ttlApplied} messages`,
  );
  if (report.legacyTtl.mode === "keep" && t.carrying > 0)
    line("", "kept without expiry; --legacy-ttl=apply expires them as the reference meant");
  print("knowledge base");
  line("reference RAG rows", `${report.rag.rows} (agents: ${report.rag.agents.join(", ") || "-"})`);
  if (report.rag.rows > 0) line("", "the API re-indexes these agents' sources on its next start");
  print("tokens the reference kept in AWS Secrets Manager");
  line("channel bindings without a token", report.secrets.channelBindings);
  line("notification configs without a token", report.secrets.notificationConfigs);
  if (report.secrets.channelBindings.length + report.secrets.notificationConfigs.length > 0)
    line("", "enter these tokens again in the admin console (channels, notifications)");
}

/**
 * `npm run db:migrate` and `agents-crm migrate`: brings a deployment of the reference product up to this
 * project's tables and items and prints what changed. Throws on an unknown option.
 */
export async function runMigrate(
  args: readonly string[],
  print: Print = (l) => console.log(l),
): Promise<MigrationReport> {
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const unknown = args.filter((a) => !known.test(a));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(" ")} (see the README)`);
  const env = loadServerEnv();
  const dryRun = args.includes("--dry-run");
  print(
    `migrating the ${resolveDynamoMode(env)} database${dryRun ? " (dry run: nothing is written)" : ""}`,
  );
  const db = await openDatabaseFromEnv(env);
  try {
    const report = await migrateFromReference(db, {
      dryRun,
      legacyTtl: flag("legacy-ttl") === "apply" ? "apply" : "keep",
      resumeFrom: flag("resume"),
      // Printed so an interrupted run can continue with --resume=<checkpoint>.
      onCheckpoint: (token) => print(`  checkpoint ${token}`),
      log: (l) => print(`  ${l}`),
    });
    printReport(report, print);
    return report;
  } finally {
    await db.close();
  }
}
