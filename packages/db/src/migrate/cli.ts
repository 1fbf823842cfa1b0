// `npm run db:migrate [-- --dry-run] [--legacy-ttl=keep|apply] [--resume=<checkpoint>]`: brings an existing
// deployment of the Python product (its DynamoDB tables, found through the same AWS_* / DYNAMODB_* variables
// as the API) up to what this project needs, and reports what it changed. Safe to re-run.
import { loadServerEnv, resolveDynamoMode } from "@agents-crm/config/env";
import { openDatabaseFromEnv } from "../client/open-database";
import { migrateFromReference } from "./migrate";
import type { MigrationReport } from "./migrate";

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const known = /^--(dry-run|legacy-ttl=(keep|apply)|resume=\S+)$/;

function line(label: string, value: string | number | readonly string[]): void {
  const text = Array.isArray(value) ? (value.length ? value.join(", ") : "-") : String(value);
  console.log(`  ${label.padEnd(40)} ${text}`);
}

function print(report: MigrationReport): void {
  const say = (done: string, planned: string) => (report.dryRun ? planned : done);
  console.log("schema");
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
  console.log(
    say("items given the new index attributes", "items lacking the new index attributes"),
  );
  line("agents / conversations / audit logs", Object.values(report.backfill).join(" / "));
  const m = report.messages;
  console.log("messages");
  line("scanned", m.scanned);
  line(say("re-keyed to time-ordered ids", "to re-key to time-ordered ids"), m.rekeyed);
  line("already time-ordered", m.alreadyTimeOrdered);
  line("no timestamp: kept under the old id", m.withoutTimestamp);
  line("new id taken: kept under the old id", m.conflicts);
  const t = report.legacyTtl.conversations;
  console.log(`the reference's never-enforced \`ttl\` (--legacy-ttl=${report.legacyTtl.mode})`);
  line("conversations carrying it", `${t.carrying} (${t.pastDue} already past it)`);
  line(
    say("given expires_at = ttl", "to get expires_at = ttl"),
    `${t.applied} conversations, ${m.ttlApplied} messages`,
  );
  if (report.legacyTtl.mode === "keep" && t.carrying > 0)
    line("", "kept without expiry; --legacy-ttl=apply expires them as the reference meant");
  console.log("knowledge base");
  line("reference RAG rows", `${report.rag.rows} (agents: ${report.rag.agents.join(", ") || "-"})`);
  if (report.rag.rows > 0) line("", "the API re-indexes these agents' sources on its next start");
  console.log("tokens the reference kept in AWS Secrets Manager");
  line("channel bindings without a token", report.secrets.channelBindings);
  line("notification configs without a token", report.secrets.notificationConfigs);
  if (report.secrets.channelBindings.length + report.secrets.notificationConfigs.length > 0)
    line("", "enter these tokens again in the admin console (channels, notifications)");
}

async function main(): Promise<void> {
  const unknown = args.filter((a) => !known.test(a));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(" ")} (see the README)`);
  const env = loadServerEnv();
  const dryRun = args.includes("--dry-run");
  console.log(
    `migrating the ${resolveDynamoMode(env)} database${dryRun ? " (dry run: nothing is written)" : ""}`,
  );
  const db = await openDatabaseFromEnv(env);
  try {
    const report = await migrateFromReference(db, {
      dryRun,
      legacyTtl: flag("legacy-ttl") === "apply" ? "apply" : "keep",
      resumeFrom: flag("resume"),
      // Printed so an interrupted run can continue with --resume=<checkpoint>.
      onCheckpoint: (token) => console.log(`  checkpoint ${token}`),
      log: (l) => console.log(`  ${l}`),
    });
    print(report);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
