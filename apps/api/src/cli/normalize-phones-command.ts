import { searchPhoneReader } from "@agents-crm/ai";
import { loadServerEnv } from "@agents-crm/config/env";
import { createRepositories, normalizeStoredPhones, openDatabaseFromEnv } from "@agents-crm/db";
import type { StoredPhonesReport } from "@agents-crm/db";
import { storedPhoneReader } from "../domain/contacts/stored-phone-reader";

/**
 * Stores the phones staff typed before a country code was required in E.164, and labels the contacts
 * whose phones it cannot tell (found through the same AWS_* / DYNAMODB_* / DATA_DIR variables as the
 * API). Safe to re-run. The embedded database opens in one process at a time: stop the API first.
 */
export async function runNormalizePhones(
  options: { dryRun: boolean },
  print: (line: string) => void = console.log,
): Promise<StoredPhonesReport> {
  const env = loadServerEnv();
  const db = await openDatabaseFromEnv(env);
  try {
    const repos = createRepositories(db, {
      messageTtlHours: env.MESSAGE_TTL_HOURS,
      readPhones: searchPhoneReader(),
    });
    const report = await normalizeStoredPhones(repos, {
      readPhone: await storedPhoneReader(repos),
      dryRun: options.dryRun,
      log: (l) => print(`  ${l}`),
    });
    const verb = options.dryRun ? "would normalize" : "normalized";
    print(
      `${report.contacts} contacts read: ${verb} ${report.normalized.length} phones, ` +
        `${report.flagged.length} left for staff to check`,
    );
    return report;
  } finally {
    await db.close();
  }
}
