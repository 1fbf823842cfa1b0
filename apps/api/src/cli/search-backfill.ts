// `npm run search:backfill` (also `agents-crm search-backfill`): see search-backfill-command.ts.
import { runSearchBackfill } from "./search-backfill-command";

runSearchBackfill().catch((error: unknown) => {
  console.error(
    `search backfill failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
