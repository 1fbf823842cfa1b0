import { isStorageUnavailable, missingTables, type Db } from "@agents-crm/db";
import { StartupError } from "./startup-error";

/**
 * Outside the embedded engine the tables are the operator's (Terraform or `npm run db:provision`), so
 * a missing one is reported by name at start rather than as a ResourceNotFoundException mid-request.
 */
export async function assertTablesExist(db: Db, where: string): Promise<void> {
  const missing = await missingTables(db).catch((error: unknown) => {
    if (!isStorageUnavailable(error)) throw error;
    throw new StartupError(
      `DynamoDB at ${where} is unavailable (${error instanceof Error ? error.message : String(error)})`,
    );
  });
  if (missing.length === 0) return;
  throw new StartupError(
    `DynamoDB table${missing.length === 1 ? "" : "s"} missing at ${where}: ${missing.join(", ")}.\n` +
      "Create them with `npm run db:provision` (same environment) or the Terraform in infra/terraform, " +
      "or set DYNAMODB_AUTO_PROVISION=true to have the API create them at start.",
  );
}
