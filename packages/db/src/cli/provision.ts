import { loadServerEnv, resolveDynamoMode } from "@agents-crm/config/env";
import { openDatabaseFromEnv } from "../client/open-database";
import { backfillLegacyItems } from "../provision/backfill";
import { backfillAfterProvision } from "../provision/backfill-queue";
import { provisionTables } from "../provision/provision";
import type { ProvisionReport } from "../provision/provision";

function printReport(report: ProvisionReport): void {
  const line = (label: string, items: string[]) =>
    console.log(`${label.padEnd(14)} ${items.length ? items.join(", ") : "-"}`);
  line("created", report.created);
  line("indexes added", report.indexesAdded);
  line("TTL enabled", report.ttlEnabled);
  line("unchanged", report.unchanged);
  for (const warning of report.warnings) console.log(`warning        ${warning}`);
}

async function main(): Promise<void> {
  const env = loadServerEnv();
  console.log(`provisioning DynamoDB tables (${resolveDynamoMode(env)})`);
  const db = await openDatabaseFromEnv(env);
  try {
    const log = (l: string) => console.log(`  ${l}`);
    const report = await provisionTables(db, { log });
    printReport(report);
    await backfillAfterProvision(db, report, log);
    // Opt-in: scans the tables, which only a migration from the reference product needs.
    if (process.argv.includes("--backfill")) {
      const counts = await backfillLegacyItems(db, { log });
      console.log(`backfilled     ${JSON.stringify(counts)}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
