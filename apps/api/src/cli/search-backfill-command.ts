import { searchPhoneReader } from "@agents-crm/ai";
import { loadServerEnv } from "@agents-crm/config/env";
import { backfillSearchIndex, createRepositories, openDatabaseFromEnv } from "@agents-crm/db";

/**
 * Indexes the conversations and messages stored before the search index existed (found through the same
 * AWS_* / DYNAMODB_* / DATA_DIR variables as the API). Safe to re-run. The embedded database opens in one
 * process at a time: stop the API first.
 */
export async function runSearchBackfill(
  print: (line: string) => void = console.log,
): Promise<void> {
  const env = loadServerEnv();
  const db = await openDatabaseFromEnv(env);
  try {
    const repos = createRepositories(db, {
      messageTtlHours: env.MESSAGE_TTL_HOURS,
      readPhones: searchPhoneReader(),
    });
    const report = await backfillSearchIndex(db, repos, { log: (l) => print(`  ${l}`) });
    print(
      `indexed ${report.conversations} conversations, ${report.messages} messages (${report.items} index items)`,
    );
  } finally {
    await db.close();
  }
}
