import type { Db } from "@agents-crm/db";
import type { Metrics } from "./metrics";

// DynamoDB's "slow down" answers (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
const THROTTLED = new Set([
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "ThrottlingException",
]);

function throttled(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (THROTTLED.has(e.name)) return true;
  }
  return false;
}

/** Table names are ours (a handful), so they are safe as a label. */
const tableOf = (input: Record<string, unknown>): string =>
  typeof input.TableName === "string" ? input.TableName : "batch";

/** Keys of a BatchGet or writes of a BatchWrite: DynamoDB bills each as one request. */
function batchItems(input: Record<string, unknown>): number {
  const request = input.RequestItems;
  if (typeof request !== "object" || request === null) return 0;
  let items = 0;
  for (const value of Object.values(request as Record<string, unknown>)) {
    if (Array.isArray(value)) items += value.length;
    else if (typeof value === "object" && value !== null) {
      const keys = (value as { Keys?: unknown }).Keys;
      if (Array.isArray(keys)) items += keys.length;
    }
  }
  return items;
}

/** Every command the client sends: counted by operation, table and outcome, and timed. */
export function countDbCommands(db: Pick<Db, "onCommand">, metrics: Metrics): void {
  db.onCommand((name, input) => {
    const operation = name.replace(/Command$/, "");
    const table = tableOf(input);
    const started = performance.now();
    if (operation.startsWith("Batch"))
      metrics.dynamoBatchItems.inc({ operation }, batchItems(input));
    return (error) => {
      metrics.dynamoDuration.observe({ operation }, (performance.now() - started) / 1000);
      const outcome = error === undefined ? "ok" : throttled(error) ? "throttled" : "error";
      metrics.dynamoCalls.inc({ operation, table, outcome });
      if (outcome === "throttled") metrics.dynamoThrottles.inc({ operation });
    };
  });
}
