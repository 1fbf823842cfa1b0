import { loadServerEnv, resolveDynamoMode } from "@agents-crm/config/env";
import { openDatabaseFromEnv } from "../client/open-database";
import { backfillLegacyItems } from "../provision/backfill";
import { backfillAfterProvision } from "../provision/backfill-queue";
import { provisionTables } from "../provision/provision";
import type { ProvisionReport } from "../provision/provision";

type Print = (line: string) => void;

function printReport(report: ProvisionReport, print: Print): void {
  const line = (label: string, items: string[]) =>
    print(`${label.padEnd(14)} ${items.length ? items.join(", ") : "-"}`);
  line("created", report.created);
  line("indexes added", report.indexesAdded);
  line("TTL enabled", report.ttlEnabled);
  line("unchanged", report.unchanged);
  for (const warning of report.warnings) print(`warning        ${warning}`);
}

/**
 * `npm run db:provision` and `agents-crm provision`: creates the tables the environment names (and their
 * indexes and TTL); `backfill` also gives a reference deployment's items the new index attributes.
 */
export async function runProvision(
  options: { backfill?: boolean; print?: Print } = {},
): Promise<ProvisionReport> {
  const print = options.print ?? ((l: string) => console.log(l));
  const env = loadServerEnv();
  print(`provisioning DynamoDB tables (${resolveDynamoMode(env)})`);
  const db = await openDatabaseFromEnv(env);
  try {
    const log = (l: string) => print(`  ${l}`);
    const report = await provisionTables(db, { log });
    printReport(report, print);
    await backfillAfterProvision(db, report, log);
    // Opt-in: scans the tables, which only a migration from the reference product needs.
    if (options.backfill) {
      const counts = await backfillLegacyItems(db, { log });
      print(`backfilled     ${JSON.stringify(counts)}`);
    }
    return report;
  } finally {
    await db.close();
  }
}
