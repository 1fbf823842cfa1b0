import type { ServerEnv } from "@agents-crm/config/env";
import { resolveDynamoMode } from "@agents-crm/config/env";

/**
 * In production, DYNAMODB_MODE=auto falls back to the embedded database when no AWS credentials or
 * endpoint are set, e.g. a container platform where they were forgotten: every redeploy would then
 * start from an empty disk. Refused unless the embedded engine is asked for by name.
 */
export function productionDatabaseRefusal(env: ServerEnv): string | undefined {
  if (env.ENVIRONMENT !== "production" || env.DYNAMODB_MODE !== "auto") return undefined;
  if (resolveDynamoMode(env) !== "embedded") return undefined;
  return "Refusing to start in production on the embedded database by default: set AWS credentials (or DYNAMODB_ENDPOINT_URL), or DYNAMODB_MODE=embedded with DATA_DIR on a persistent volume";
}
