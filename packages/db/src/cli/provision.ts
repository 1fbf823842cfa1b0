// `npm run db:provision [-- --backfill]` (also `agents-crm provision`).
import { runProvision } from "./provision-command";

runProvision({ backfill: process.argv.includes("--backfill") }).catch((error: unknown) => {
  console.error(`provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
