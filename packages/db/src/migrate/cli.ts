// `npm run db:migrate [-- --dry-run] [--legacy-ttl=keep|apply] [--resume=<checkpoint>]` (also
// `agents-crm migrate`): see migrate-command.ts.
import { runMigrate } from "./migrate-command";

runMigrate(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
